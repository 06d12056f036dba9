/** Canonical JSON: object keys sorted, no whitespace. Stable across jsonb round trips. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON data (Dates → ISO strings, undefined dropped), as it will read back from jsonb. */
export function toJsonData(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
