import { renderPdfmake } from './pdfmake';

// Rendering and the poppler/LibreOffice tools are slow on a loaded 2-core machine; these are
// generous guards against hangs, not timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('pdfmake configuration', () => {
  it('renders with Tinos as "Times" and prints no access-policy warnings', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const pdf = await renderPdfmake({ content: [{ text: 'Thử nghiệm' }], defaultStyle: { font: 'Times' } });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses local files outside the font directory and any URL', async () => {
    await expect(
      renderPdfmake({ content: [{ image: '/etc/hostname' }], defaultStyle: { font: 'Times' } }),
    ).rejects.toThrow(/Access to local file denied/);
    await expect(
      renderPdfmake({
        images: { logo: 'https://example.invalid/logo.png' },
        content: [{ image: 'logo' }],
        defaultStyle: { font: 'Times' },
      }),
    ).rejects.toThrow(/Access to URL denied/);
  });
});
