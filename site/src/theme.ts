// Light and dark themes: the system's preference, until the theme button picks one (kept in
// localStorage). Shared by the playground and the rule pages.
const KEY = "dumpling-theme";

function stored(): "light" | "dark" | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : null;
  } catch {
    return null;
  }
}

export function currentTheme(): "light" | "dark" {
  return (document.documentElement.dataset.theme as "light" | "dark" | undefined) ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

export function setupTheme(): void {
  const theme = stored();
  if (theme) document.documentElement.dataset.theme = theme;
  const button = document.getElementById("theme");
  if (!button) return;
  const label = () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    button.textContent = next === "dark" ? "Dark theme" : "Light theme";
    button.setAttribute("aria-label", `Switch to the ${next} theme`);
  };
  label();
  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts as long as the page.
    }
    label();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", label);
}
