// People paste "linkedin.com/in/ada": assume https. Only web links are kept,
// so a stored link can never be `javascript:` or `data:` in an href, nor
// carry credentials. Returns null when the text is not such a link.
export function normalizeUrl(raw: string): string | null {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!url.hostname.includes(".") || url.username || url.password) return null;
    return url.toString();
  } catch {
    return null;
  }
}
