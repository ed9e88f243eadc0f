import type { useForm } from '@mantine/form';

/** What `getInputProps` returns (Mantine's own type re-exports do not resolve under NodeNext). */
export type InputProps = ReturnType<ReturnType<typeof useForm<Record<string, unknown>>>['getInputProps']>;
