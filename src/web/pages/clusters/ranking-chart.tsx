import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export type RankingBar = { name: string; aggregate: number | null; self: number | null };

/** The ranking as bars: the peers' aggregate beside the ward's own self-score. */
export function RankingChart({ rows }: { rows: readonly RankingBar[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['Điểm chấm chéo (tổng hợp)', 'Điểm tự chấm'] },
      grid: { left: 160, right: 24, top: 40, bottom: 24 },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
      series: [
        {
          name: 'Điểm chấm chéo (tổng hợp)',
          type: 'bar',
          data: rows.map((r) => r.aggregate),
          label: { show: true, position: 'right' },
        },
        { name: 'Điểm tự chấm', type: 'bar', data: rows.map((r) => r.self), itemStyle: { opacity: 0.45 } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return (
    <div
      ref={ref}
      data-testid="ranking-chart"
      role="img"
      aria-label="Biểu đồ xếp hạng cụm thi đua"
      style={{ height: 80 + rows.length * 48 }}
    />
  );
}
