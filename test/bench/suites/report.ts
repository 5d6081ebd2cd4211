/**
 * Report suite: time and memory of each report format on the server for a five-board workshop
 * with 2,000 elements per board (the fixture workshop of the report tests, filled up). Time is
 * the whole job as the endpoint runs it (worker thread included); memory is the peak of heap +
 * external (buffers) seen at the job's progress points, run in this process.
 */
import * as Y from 'yjs';
import { addElement, readElements } from '../../../workshops';
import type { ReportFormat, ReportJob } from '../../../sync-server/report/build';
import { buildReport } from '../../../sync-server/report/build';
import { runReportJob } from '../../../sync-server/report/run';
import { buildFixtureWorkshop } from '../../fixtures/report-workshop';
import { row } from '../lib/types';
import type { Row, Suite } from '../lib/types';

const FORMATS: ReportFormat[] = ['csv', 'md.zip', 'docx', 'pdf', 'zip'];

/** The fixture workshop with every board filled to `perBoard` elements (stickies in rows). */
export function bigWorkshop(perBoard: number): ReportJob {
  const w = buildFixtureWorkshop();
  for (const doc of w.boards.values()) {
    const have = readElements(doc).length;
    doc.transact(() => {
      for (let i = have; i < perBoard; i++)
        addElement(
          doc,
          'sticky',
          {
            x: 5000 + (i % 60) * 180,
            y: Math.floor(i / 60) * 180,
            text: `Idee ${i}: samen leren, één stap verder`,
          },
          { author: 'p-anna', id: `bench-${i}`, z: `b${String(i).padStart(6, '0')}`, createdAt: 0 },
        );
    });
  }
  return {
    format: 'csv',
    workshopId: w.workshopId,
    control: Y.encodeStateAsUpdate(w.control),
    boards: [...w.boards].map(([id, d]) => [id, Y.encodeStateAsUpdate(d)]),
  };
}

const mb = (): number => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 1_048_576;
};

export const reportSuite: Suite = {
  name: 'report',
  description:
    'report formats (csv, md.zip, docx, pdf, zip): time and memory, 5 boards × 2,000 elements',
  async run(ctx) {
    const perBoard = ctx.quick ? 100 : 2000;
    const formats = ctx.quick ? (['csv', 'pdf'] as ReportFormat[]) : FORMATS;
    const scenario = `5 boards × ${perBoard} elements`;
    const job = bigWorkshop(perBoard);
    const rows: Row[] = [];
    for (const format of formats) {
      ctx.log(`report: ${format}`);
      const t0 = performance.now();
      const bytes = await runReportJob({ ...job, format });
      const ms = performance.now() - t0;
      // Memory: the same job in this process, sampled at each progress step.
      (globalThis as { gc?: () => void }).gc?.();
      const base = mb();
      let peak = base;
      await buildReport({ ...job, format }, () => {
        peak = Math.max(peak, mb());
      });
      peak = Math.max(peak, mb());
      rows.push(
        row('report', `${scenario}, ${format}`, 'time (worker)', Math.round(ms), 'ms'),
        row(
          'report',
          `${scenario}, ${format}`,
          'memory peak over baseline',
          Math.round(peak - base),
          'MB',
        ),
        row(
          'report',
          `${scenario}, ${format}`,
          'file size',
          Math.round(bytes.byteLength / 1024),
          'KiB',
        ),
      );
    }
    return rows;
  },
};
