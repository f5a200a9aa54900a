import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export type EChartOption = echarts.EChartsCoreOption;

/** A small ECharts wrapper: one chart in a div, resized with its box, disposed on unmount. */
export function EChart({
  option,
  height = 280,
  label,
}: {
  option: EChartOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
