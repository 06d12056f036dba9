import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';
import { LineChart } from './LineChart';

describe('SVG charts', () => {
  it('draws one bar per datum with an accessible name, tooltips and a hidden data table', () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Số lượt theo năm"
        data={[
          { label: '2023', value: 12 },
          { label: '2024', value: 1234 },
        ]}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+">Số lượt theo năm<\/title>/);
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toContain('<title>2024: 1.234</title>');
    expect(html).toContain('<th scope="row">2023</th><td>12</td>');
  });

  it('draws horizontal bars for long labels and an empty state', () => {
    const html = renderToStaticMarkup(
      <BarChart
        orientation="horizontal"
        title="Theo đơn vị"
        data={[{ label: 'Trung tâm Y tế huyện Điện Biên Đông, tỉnh Điện Biên', value: 5 }]}
      />,
    );
    expect(html).toContain('>Trung tâm Y tế huyện Điện Biên Đô…<');
    expect(html).toContain('<title>Trung tâm Y tế huyện Điện Biên Đông, tỉnh Điện Biên: 5</title>');
    expect(renderToStaticMarkup(<BarChart title="Trống" data={[]} />)).toContain('Không có dữ liệu');
  });

  it('draws one line per series with a legend and points', () => {
    const html = renderToStaticMarkup(
      <LineChart
        title="Xu hướng"
        labels={['2022', '2023', '2024']}
        series={[
          { name: 'Lao động tiên tiến', values: [10, 12, 9] },
          { name: 'Chiến sĩ thi đua cơ sở', values: [1, 2, 3] },
        ]}
      />,
    );
    expect(html.match(/<polyline /g)).toHaveLength(2);
    expect(html.match(/<circle /g)).toHaveLength(6);
    expect(html).toContain('<title>Chiến sĩ thi đua cơ sở – 2024: 3</title>');
    expect(html).toContain('Lao động tiên tiến</li>');
  });
});
