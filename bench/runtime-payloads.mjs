// The runtime benchmark's payloads (bench/runtime.mjs): deterministic JSON texts of a few MB, each
// written the way CPython would read it back (integral floats spelled "2.0").
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const WORDS = ["alpha", "beta", "gamma", "delta", "Zürich", "naïve", "東京", "café", "emoji 😀", "line\nbreak", 'quote "q"', "tab\tsep", "plain", "data", "json"];
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

function apiPayload() {
  const users = [];
  for (let i = 0; i < 6000; i++) {
    users.push({
      id: i, uuid: `${(rand() * 1e16).toString(16)}-${i}`, name: sentence(2), email: `user${i}@example.com`, active: rand() < 0.5,
      score: Math.round(rand() * 1e6) / 100, balance: rand() * 1e4 - 5e3, rank: null, tags: [pick(WORDS), pick(WORDS), pick(WORDS)],
      address: { street: `${Math.floor(rand() * 999)} ${sentence(2)}`, city: pick(WORDS), zip: String(10000 + Math.floor(rand() * 89999)), geo: [rand() * 180 - 90, rand() * 360 - 180] },
      created: new Date(1.6e12 + Math.floor(rand() * 1e11)).toISOString(), meta: { visits: Math.floor(rand() * 1000), ratio: 0.5 },
    });
  }
  return JSON.stringify({ page: 1, total: users.length, users });
}

function stringPayload() {
  const docs = [];
  for (let i = 0; i < 2500; i++) docs.push({ title: sentence(5), body: sentence(120), lang: pick(["en", "de", "ja", "fr"]), comments: Array.from({ length: 3 }, () => sentence(20)) });
  return JSON.stringify(docs);
}

function numberPayload() {
  const rows = [];
  for (let i = 0; i < 25000; i++) rows.push([i, rand() * 1000, Math.floor(rand() * 1e9), -rand(), rand() < 0.2 ? 2.0 : rand() * 1e-3, rand() * 1e20]);
  // write integral floats as "2.0" the way Python would
  return JSON.stringify({ series: rows }).replace(/([\[,])2(?=[,\]])/g, "$12.0");
}

// A large array of small flat records with ASCII keys and values: what event logs, exports and list
// endpoints send.
const STATUS = ["ok", "pending", "failed", "retry"];
function recordsPayload() {
  const rows = [];
  for (let i = 0; i < 30000; i++) {
    rows.push({ id: 100000 + i, sku: `SKU-${Math.floor(rand() * 1e6)}`, qty: Math.floor(rand() * 20), price: Math.round(rand() * 1e5) / 100 + 0.01, status: pick(STATUS), paid: rand() < 0.7, note: null });
  }
  return JSON.stringify(rows);
}

// Text that is mostly not ASCII: Chinese and Japanese prose with emoji (astral: surrogate pairs in
// JS, \ud83d\ude00 with ensure_ascii), a few ASCII words and punctuation.
const CJK = ["東京", "大阪", "天気", "今日は", "ありがとう", "数据", "服务器", "用户", "漢字", "카페", "서울", "😀", "🎉", "🚀", "👍🏽", "、", "。", "「引用」", "API", "JSON", "v2"];
const cjkSentence = (n) => Array.from({ length: n }, () => pick(CJK)).join("");
function unicodePayload() {
  const posts = [];
  for (let i = 0; i < 3000; i++) posts.push({ id: i, author: cjkSentence(2), title: cjkSentence(6), body: cjkSentence(150), tags: [pick(CJK), pick(CJK)], replies: Array.from({ length: 2 }, () => cjkSentence(25)) });
  return JSON.stringify({ posts });
}

/** The payloads, by name: `api` (user records), `strings` (mixed-script prose), `numbers` (rows of
 * ints and floats), `records` (many small ASCII records), `unicode` (CJK text and emoji). */
export function payloads() {
  seed = 12345;
  return { api: apiPayload(), strings: stringPayload(), numbers: numberPayload(), records: recordsPayload(), unicode: unicodePayload() };
}
