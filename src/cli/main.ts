console.log("dumpling");
