import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Row } from './figure-model';

/** Colours with at least 3:1 contrast against white, told apart by the legend too. */
const COLOURS = ['#0062ba', '#b34700', '#1e7b45', '#6b3fa0', '#8a1c3a'];

/**
 * The figure as bars (and lines). Hidden from assistive technology and the keyboard: the table
 * under it carries the same numbers (WCAG 1.1.1).
 */
export function FigureChart({
  rows,
  bars,
  lines,
  stacked,
  label,
  tick,
}: {
  rows: Row[];
  bars: readonly string[];
  lines: readonly string[];
  stacked?: boolean;
  label(key: string): string;
  /** The x axis's labels, e.g. a channel's name for its code. */
  tick?(value: string): string;
}) {
  return (
    <div className="fb-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tickFormatter={tick} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {bars.map((key, index) => (
            <Bar key={key} dataKey={key} name={label(key)} fill={COLOURS[index % COLOURS.length]} stackId={stacked ? 'all' : undefined} isAnimationActive={false} />
          ))}
          {lines.map((key, index) => (
            <Line key={key} dataKey={key} name={label(key)} stroke={COLOURS[(bars.length + index) % COLOURS.length]} strokeWidth={2} type="monotone" isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
