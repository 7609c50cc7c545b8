import { Flex, Text, ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import { useState, type CSSProperties } from 'react';
import {
  customRange,
  presetRange,
  toDay,
  type DateRange,
  type RangePreset,
} from '../../lib/dateRange';

const PRESETS: { id: RangePreset; label: string }[] = [
  { id: '7', label: '7 days' },
  { id: '30', label: '30 days' },
  { id: '90', label: '90 days' },
  { id: 'custom', label: 'Custom' },
];

const inputStyle: CSSProperties = {
  font: 'inherit',
  color: 'var(--bui-fg-primary)',
  background: 'var(--bui-bg-neutral-1)',
  border: '1px solid var(--bui-border-2)',
  borderRadius: 'var(--bui-radius-2)',
  padding: '2px 6px',
};

/**
 * The metrics window: last 7/30/90 days, or custom dates (both included).
 * @public
 */
export function DateRangePicker(props: {
  value: DateRange;
  onChange: (range: DateRange) => void;
}) {
  const { value, onChange } = props;
  const [fromDay, setFromDay] = useState(toDay(value.from));
  const [toDayValue, setToDayValue] = useState(
    toDay(new Date(Date.parse(value.to) - 1).toISOString()),
  );
  const [preset, setPreset] = useState<RangePreset>(value.preset);

  const applyCustom = (from: string, to: string) => {
    const range = customRange(from, to);
    if (range) onChange(range);
  };

  return (
    <Flex align="center" gap="3" style={{ flexWrap: 'wrap' }}>
      <ToggleButtonGroup
        aria-label="Date range"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[preset]}
        onSelectionChange={keys => {
          const next = [...keys][0] as RangePreset | undefined;
          if (!next) return;
          setPreset(next);
          if (next === 'custom') applyCustom(fromDay, toDayValue);
          else onChange(presetRange(next));
        }}
      >
        {PRESETS.map(p => (
          <ToggleButton key={p.id} id={p.id}>
            {p.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {preset === 'custom' && (
        <Flex align="center" gap="2">
          <label>
            <Text variant="body-small">From </Text>
            <input
              type="date"
              aria-label="From date"
              value={fromDay}
              max={toDayValue}
              style={inputStyle}
              onChange={e => {
                setFromDay(e.target.value);
                applyCustom(e.target.value, toDayValue);
              }}
            />
          </label>
          <label>
            <Text variant="body-small">To </Text>
            <input
              type="date"
              aria-label="To date"
              value={toDayValue}
              min={fromDay}
              style={inputStyle}
              onChange={e => {
                setToDayValue(e.target.value);
                applyCustom(fromDay, e.target.value);
              }}
            />
          </label>
        </Flex>
      )}
    </Flex>
  );
}
