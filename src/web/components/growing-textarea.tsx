import { Textarea, type TextareaProps } from '@mantine/core';
import { useMounted } from '@mantine/hooks';

/** Whether this browser sizes a field to its text by CSS (`field-sizing: content`: Chromium 123 and later). */
const sizedByCss =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** The height of a number of lines of the text area, with its padding and border. */
const rowsHeight = (rows: number) => `calc(${rows}lh + 2 * var(--input-padding-y, 0rem) + 2px)`;

export type GrowingTextareaProps = Omit<TextareaProps, 'autosize' | 'rows'>;

/**
 * A text area that grows with its text from `minRows` to `maxRows` lines. Where the browser can, CSS sizes it
 * (`field-sizing`): right from the page the server rendered, with no script measuring every text area of a page
 * after its first render (a forced layout each). Elsewhere Mantine's autosize measures it once the app runs; the
 * first render is the same everywhere, so a rendered page hydrates unchanged.
 */
export function GrowingTextarea({ minRows = 2, maxRows, ...props }: GrowingTextareaProps) {
  const mounted = useMounted();
  if (mounted && !sizedByCss) return <Textarea autosize minRows={minRows} maxRows={maxRows} {...props} />;
  return (
    <Textarea
      rows={minRows}
      styles={{
        input: {
          fieldSizing: 'content',
          minHeight: rowsHeight(minRows),
          ...(maxRows ? { maxHeight: rowsHeight(maxRows) } : {}),
        },
      }}
      {...props}
    />
  );
}
