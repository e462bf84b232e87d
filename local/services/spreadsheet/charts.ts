/**
 * Embedded charts, recorded but not drawn: type, source ranges, position and options are kept so
 * the .xlsx exporter can list them and tests can check what the add-on asked for.
 * Source: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder.
 */
import type { LocalEnv } from '../env';
import { wrap } from './counted';
import type { GridRect } from './a1';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';

export interface ChartSpec {
  id: string;
  type: string;
  ranges: GridRect[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

let nextChartId = 1;

export class LocalEmbeddedChart {
  _w?: LocalEmbeddedChart;
  constructor(
    private readonly env: LocalEnv,
    readonly _sheet: LocalSheet,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): number {
    return Number(this._spec.id.replace(/\D/g, ''));
  }
  getId(): string {
    return this._spec.id;
  }
  getRanges(): LocalRange[] {
    return this._spec.ranges.map((r) => this._sheet._rangeAt(r));
  }
  getOptions(): { get(k: string): unknown } {
    const o = this._spec.options;
    return { get: (k: string) => o[k] };
  }
  modify(): LocalEmbeddedChartBuilder {
    return newChart(this.env, this._sheet, { ...this._spec, ranges: [...this._spec.ranges], options: { ...this._spec.options } });
  }
}

export class LocalEmbeddedChartBuilder {
  _w?: LocalEmbeddedChartBuilder;
  constructor(
    private readonly env: LocalEnv,
    private readonly sheet: LocalSheet,
    private readonly spec: ChartSpec,
  ) {}
  private self(): LocalEmbeddedChartBuilder {
    return this._w as LocalEmbeddedChartBuilder;
  }
  setChartType(type: string) {
    this.spec.type = String(type);
    return this.self();
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  addRange(range: LocalRange) {
    this.spec.ranges.push(range._ruleRange().rect);
    return this.self();
  }
  clearRanges() {
    this.spec.ranges = [];
    return this.self();
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.spec.position = { row, col, offsetX, offsetY };
    return this.self();
  }
  setOption(key: string, value: unknown) {
    this.spec.options[key] = value;
    return this.self();
  }
  setNumHeaders(n: number) {
    return this.setOption('numHeaders', n);
  }
  setTransposeRowsAndColumns(t: boolean) {
    return this.setOption('transposeRowsAndColumns', t);
  }
  build(): LocalEmbeddedChart {
    return wrap(this.env, new LocalEmbeddedChart(this.env, this.sheet, { ...this.spec, ranges: [...this.spec.ranges], options: { ...this.spec.options } }), 'EmbeddedChart');
  }
}

export function newChart(env: LocalEnv, sheet: LocalSheet, from?: ChartSpec): LocalEmbeddedChartBuilder {
  const spec = from ?? { id: `chart-${nextChartId++}`, type: 'COLUMN', ranges: [], position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, options: {} };
  return wrap(env, new LocalEmbeddedChartBuilder(env, sheet, spec), 'EmbeddedChartBuilder');
}
