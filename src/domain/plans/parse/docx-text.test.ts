import { describe, expect, it } from 'vitest';
import { documentXmlToText } from './docx-text';

describe('documentXmlToText', () => {
  it('gives one line per paragraph, runs joined, entities decoded, tabs and breaks kept', () => {
    const xml = [
      '<w:document><w:body>',
      '<w:p><w:r><w:t>SỞ Y </w:t></w:r><w:r><w:t xml:space="preserve">TẾ</w:t></w:r></w:p>',
      '<w:p/>',
      '<w:p w:rsidR="1"><w:r><w:t>Số: 05/KH-SYT</w:t><w:tab/><w:t>Hà Nội &amp; A &lt;B&gt; &#7871;</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>dòng 1</w:t><w:br/><w:t>dòng 2</w:t></w:r></w:p>',
      '<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>x</w:t></w:r></w:p>',
      '</w:body></w:document>',
    ].join('');
    expect(documentXmlToText(xml)).toBe('SỞ Y TẾ\n\nSố: 05/KH-SYT\tHà Nội & A <B> ế\ndòng 1\ndòng 2\nx');
  });

  it('reads table cells as paragraphs in document order', () => {
    const xml =
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>LEFT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>RIGHT</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(documentXmlToText(xml)).toBe('LEFT\nRIGHT');
  });
});
