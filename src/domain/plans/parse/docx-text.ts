/**
 * Text of a .docx body from its word/document.xml (the CLI unzips the file; this part is pure).
 * One line per paragraph (<w:p>), table cells are paragraphs too; <w:tab/> → tab, <w:br/> → line break.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

export function documentXmlToText(xml: string): string {
  const body = xml.replace(/<w:(?:instrText|delText)[^>]*>[\s\S]*?<\/w:(?:instrText|delText)>/g, ''); // field codes, deletions
  const lines: string[] = [];
  // each paragraph: <w:p ...> … </w:p> (a self-closing <w:p/> is an empty line)
  for (const p of body.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const inner = p[1] ?? '';
    let line = '';
    for (const t of inner.matchAll(
      /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g,
    )) {
      if (t[1] !== undefined) line += decodeEntities(t[1]);
      else if (t[0].startsWith('<w:tab')) line += '\t';
      else line += '\n';
    }
    lines.push(line);
  }
  return lines.join('\n');
}
