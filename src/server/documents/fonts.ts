import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

/**
 * Full Tinos TTFs (metric clone of Times New Roman, every Vietnamese letter) from
 * @expo-google-fonts/tinos. The @fontsource subsets lack half of the Vietnamese glyphs.
 */
export const TINOS = {
  dir,
  normal: path.join(dir, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(dir, '700Bold', 'Tinos_700Bold.ttf'),
  italics: path.join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  bolditalics: path.join(dir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
} as const;

/** Width of "Độc lập - Tự do - Hạnh phúc" in Times New Roman / Tinos Bold 14 pt (checked in a test). */
export const MOTTO_WIDTH_PT_14_BOLD = 171.38;
