// Reads a `_headers` file (Netlify / Cloudflare Pages format) and answers which headers a
// path gets, the way Cloudflare Pages applies them: every rule whose path matches applies,
// top to bottom; a repeated header is joined with ", "; `! Name` removes what an earlier
// rule set. `*` matches anything (slashes too), `:name` one path segment.

/** Parses `_headers` text into `[{ pattern: RegExp, path, lines: [{ detach?, name, value? }] }]`. */
export function parseHeaders(text) {
  const rules = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), pattern: toPattern(line.trim()), lines: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header line before any path: ${line}`);
    const t = line.trim();
    if (t.startsWith("!")) {
      rule.lines.push({ detach: true, name: t.slice(1).trim().toLowerCase() });
    } else {
      const colon = t.indexOf(":");
      if (colon < 1) throw new Error(`_headers: not "Name: value": ${line}`);
      rule.lines.push({ name: t.slice(0, colon).trim().toLowerCase(), value: t.slice(colon + 1).trim() });
    }
  }
  return rules;
}

function toPattern(path) {
  const re = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${re}$`);
}

/** The headers (lowercase names) `rules` give `pathname`. */
export function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const l of rule.lines) {
      if (l.detach) delete out[l.name];
      else out[l.name] = out[l.name] ? `${out[l.name]}, ${l.value}` : l.value;
    }
  }
  return out;
}
