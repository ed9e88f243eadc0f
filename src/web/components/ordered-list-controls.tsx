import { ActionIcon, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OrderControlsProps {
  index: number;
  count: number;
  itemLabel: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

/** Up, down and remove buttons for one item of an ordered list; each says which item it acts on. */
export function OrderControls({ index, count, itemLabel, onMove, onRemove }: OrderControlsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        aria-label={t('common.list.moveUp', { item: itemLabel })}
      >
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
        aria-label={t('common.list.moveDown', { item: itemLabel })}
      >
        <span aria-hidden="true">↓</span>
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={onRemove}
        aria-label={t('common.list.remove', { item: itemLabel })}
      >
        <span aria-hidden="true">×</span>
      </ActionIcon>
    </Group>
  );
}
