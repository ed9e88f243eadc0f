import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/** A deep teal: white text on shade 8 measures 6.5:1, well above WCAG AA (4.5:1). */
const groeipad: MantineColorsTuple = [
  '#e7f5f4',
  '#cde9e6',
  '#9cd3cd',
  '#67bcb3',
  '#3ea89e',
  '#259a90',
  '#148c82',
  '#0c7a71',
  '#096a62',
  '#06554f',
];

/**
 * Mantine's default shades put small text below AA contrast on light and filled badges (green, orange). Text on
 * tinted backgrounds and filled backgrounds of other colours are darkened so every status badge stays readable.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  const palette = input.theme.colors[parsed.color];
  if (!palette) return base;
  const deep = darken(palette[9], 0.3);
  switch (input.variant) {
    case 'light':
    case 'subtle':
    case 'transparent':
      return { ...base, color: deep };
    case 'outline':
      return { ...base, color: deep, border: `1px solid ${deep}` };
    case 'filled':
      if (parsed.color === input.theme.primaryColor || parsed.shade !== undefined) return base;
      return { ...base, background: darken(palette[9], 0.15), hover: deep };
    default:
      return base;
  }
};

/** Mantine's dimmed grey and error red (3.3:1) are too light for small text on white. */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': theme.colors.red[9],
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'groeipad',
  primaryShade: { light: 8, dark: 6 },
  colors: { groeipad },
  variantColorResolver,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-8)' } } },
  },
});
