import { Button, Container, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header.js';

/**
 * A chunk of the app's code that could not be fetched: the browsers' messages for a failed dynamic import (Chromium,
 * Firefox, Safari) and Vite's for a stylesheet it could not preload. Typically the network dropped, or Groeipad was
 * updated since the page was opened and the old chunks are gone.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|ChunkLoadError/i.test(
    message,
  );
}

function PageFailed({ chunk }: { chunk: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" role="alert">
      <PageHeader title={t(chunk ? 'pageFailed.chunkTitle' : 'pageFailed.title')} />
      <Text maw={640}>{t(chunk ? 'pageFailed.chunkBody' : 'pageFailed.body')}</Text>
      <Button onClick={() => window.location.reload()}>{t('pageFailed.reload')}</Button>
    </Stack>
  );
}

interface Props {
  children: ReactNode;
  /** The page shown (its path): a move to another page tries again. */
  resetKey: string;
  /** Stand alone, with a margin of its own (outside the app's frame). */
  standalone?: boolean;
}

/**
 * Whatever a page throws while it renders (its code that could not be fetched, a bug) shows a page that says so and
 * offers to reload, instead of an empty or inert screen. Within the app's frame the navigation stays usable.
 */
export class PageErrorBoundary extends Component<Props, { error: unknown; failedAt: string | null }> {
  override state = { error: null as unknown, failedAt: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; failedAt: string | null }) {
    if (state.error === null) return null;
    if (state.failedAt === null) return { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { error: null, failedAt: null };
  }

  override componentDidCatch(): void {
    // A page the server rendered stays inert until the app has taken it over; what shows now is the app's own.
    document.getElementById('root')?.removeAttribute('inert');
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const failed = <PageFailed chunk={isChunkLoadError(this.state.error)} />;
    return this.props.standalone ? (
      <Container size="sm" py="xl">
        {failed}
      </Container>
    ) : (
      failed
    );
  }
}
