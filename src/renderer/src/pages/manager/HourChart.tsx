/** Redemptions per hour as bars (discount as a line); a click on a bar shows that hour's redemptions. */
import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fenToYuanText } from '../../../../shared/money'
import type { HourLine, ReportFilter } from '../../../../shared/reports'

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer])

export function hourFilter(line: HourLine): ReportFilter {
  return line.startAt === null ? { hourOfDay: line.hour } : { hourStart: line.startAt }
}

export function HourChart({ lines, onPick }: { lines: HourLine[]; onPick: (filter: ReportFilter) => void }) {
  const { t } = useTranslation()
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 56, top: 30, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('reports.day.count'), t('reports.day.discount')], top: 0 },
      xAxis: { type: 'category', data: lines.map((l) => `${String(l.hour).padStart(2, '0')}:00`) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', axisLabel: { formatter: (v: number) => `¥${v}` } }
      ],
      series: [
        {
          name: t('reports.day.count'),
          type: 'bar',
          data: lines.map((l) => l.count),
          itemStyle: { color: '#0958D9' }
        },
        {
          name: t('reports.day.discount'),
          type: 'line',
          yAxisIndex: 1,
          data: lines.map((l) => Number(fenToYuanText(l.discountFen))),
          itemStyle: { color: '#AD4E00' }
        }
      ]
    }),
    [lines, t]
  )
  const onEvents = useMemo(
    () => ({
      click: (params: { dataIndex: number }) => {
        const line = lines[params.dataIndex]
        if (line) onPick(hourFilter(line))
      }
    }),
    [lines, onPick]
  )
  return (
    <div data-testid="hour-chart" data-hours={lines.length}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        onEvents={onEvents}
        style={{ height: 240 }}
        notMerge
      />
    </div>
  )
}
