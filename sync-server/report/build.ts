/**
 * From stored documents to a report file, in one call (run inside the report worker, see
 * `worker.ts`): decode the docs, build the report model, rasterise its pictures, lay it out in
 * the asked format.
 */
import { strToU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import type { Lang } from '../../workshops';
import { suggestCategory } from '../../workshops';
import type { ReportData, ReportDocument } from '../../workshops/report';
import { answersCsv, buildReportData, reportDocument, stickiesCsv } from '../../workshops/report';
import { serverEnv } from '../env';
import { writeDocx } from './docx';
import type { RasterImages } from './images';
import { rasterise } from './images';
import { reportMarkdown, writeMarkdownZip } from './markdown';
import { writePdf } from './pdf';

export const REPORT_FORMATS = ['docx', 'pdf', 'md.zip', 'csv', 'zip'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  'md.zip': 'application/zip',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

export interface ReportJob {
  format: ReportFormat;
  workshopId: string;
  /** Yjs updates: the control doc and each board doc. */
  control: Uint8Array;
  boards: Array<[string, Uint8Array]>;
  lang?: Lang;
  names?: boolean;
  sep?: ';' | ',';
  /** CSV only: which table (default the stickies). */
  table?: 'stickies' | 'answers';
}

export type Progress = (stage: string, done: number, total: number) => void;

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

export function reportOf(
  job: ReportJob,
  progress?: Progress,
): { data: ReportData; doc: ReportDocument } {
  const boards = new Map(job.boards.map(([id, u]) => [id, docOf(u)]));
  const data = buildReportData(
    { workshopId: job.workshopId, control: docOf(job.control), boards },
    {
      ...(job.lang ? { lang: job.lang } : {}),
      names: job.names ?? false,
      now: serverEnv.now(),
      suggest: (text) => suggestCategory({ id: '', text }).category,
      onProgress: (done, total) => progress?.('model', done, total),
    },
  );
  return { data, doc: reportDocument(data) };
}

export async function buildReport(job: ReportJob, progress?: Progress): Promise<Uint8Array> {
  const sep = job.sep ?? ';';
  const { data, doc } = reportOf(job, progress);
  if (job.format === 'csv')
    return strToU8(job.table === 'answers' ? answersCsv(data, sep) : stickiesCsv(data, sep));
  const images: RasterImages = rasterise(doc, (d, t) => progress?.('images', d, t));
  progress?.('write', 0, 1);
  const pdf = (): Promise<Buffer> => writePdf(doc, images);
  switch (job.format) {
    case 'docx':
      return writeDocx(doc, images);
    case 'pdf':
      return pdf();
    case 'md.zip':
      return writeMarkdownZip(doc, data, images, sep);
    case 'zip': {
      const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
        'report.docx': [await writeDocx(doc, images), { level: 0 }],
        'report.pdf': [await pdf(), { level: 0 }],
        'report.md': [strToU8(reportMarkdown(doc)), { level: 6 }],
        'stickies.csv': [strToU8(stickiesCsv(data, sep)), { level: 6 }],
        'answers.csv': [strToU8(answersCsv(data, sep)), { level: 6 }],
      };
      for (const [name, img] of images) files[`images/${name}.png`] = [img.png, { level: 0 }];
      return zipSync(files);
    }
  }
}
