/**
 * The facilitator's "Rapport": a live preview of the series report (the same model the server
 * writes, built here from the synced documents and redrawn as the boards change), and a download
 * per format from GET /api/workshops/<id>/report.* (docs/api.md), with progress and a cancel.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { boardRoom, readBoards, readRoster } from '../../workshops';
import type { ReportBlock, ReportDocument } from '../../workshops/report';
import {
  buildReportData,
  exportParticipant,
  forgetParticipant,
  reportDocument,
} from '../../workshops/report';
import { useWorkshop } from '../app/context';
import { browserEnv } from '../app/env';
import { currentLanguage, useT } from '../i18n';
import { RoomSync } from '../sync/room';
import { saveBlob } from './download';
import { REPORT_NS } from './strings';
import './report.css';

type Choice = 'docx' | 'pdf' | 'md.zip' | 'csv' | 'answers' | 'zip';
const CHOICES: Choice[] = ['pdf', 'docx', 'md.zip', 'csv', 'answers', 'zip'];

/** Every board doc of the workshop, synced while the dialog is open (the open board: its own). */
function useBoardDocs(): { docs: Map<string, Y.Doc>; ready: boolean } {
  const ctx = useWorkshop();
  const [ready, setReady] = useState(false);
  const docs = useMemo(() => new Map<string, Y.Doc>(), []);
  useEffect(() => {
    const syncs: RoomSync[] = [];
    const waits: Array<Promise<void>> = [];
    for (const b of readBoards(ctx.controlDoc)) {
      if (b.id === ctx.boardId) {
        docs.set(b.id, ctx.boardDoc);
        continue;
      }
      const s = new RoomSync(boardRoom(ctx.workshopId, b.id), ctx.token, { persist: false });
      syncs.push(s);
      docs.set(b.id, s.doc);
      waits.push(
        new Promise<void>((resolve) => {
          if (s.provider.synced) resolve();
          else s.provider.once('sync', () => resolve());
        }),
      );
    }
    void Promise.all(waits).then(() => setReady(true));
    return () => syncs.forEach((s) => s.destroy());
  }, [ctx, docs]);
  return { docs, ready };
}

/** Rebuilds the preview at most once a second while anything changes. */
function usePreview(
  docs: Map<string, Y.Doc>,
  ready: boolean,
  names: boolean,
): ReportDocument | null {
  const ctx = useWorkshop();
  const [preview, setPreview] = useState<ReportDocument | null>(null);
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const build = (): void => {
      timer = null;
      const data = buildReportData(
        { workshopId: ctx.workshopId, control: ctx.controlDoc, boards: docs },
        { names, lang: currentLanguage(), now: browserEnv.now() },
      );
      setPreview(reportDocument(data));
    };
    const later = (): void => {
      timer ??= setTimeout(build, 1000);
    };
    build();
    const all = [ctx.controlDoc, ...docs.values()];
    all.forEach((d) => d.on('update', later));
    return () => {
      all.forEach((d) => d.off('update', later));
      if (timer) clearTimeout(timer);
    };
  }, [ctx, docs, ready, names]);
  return preview;
}

function Block({ b }: { b: ReportBlock }) {
  switch (b.kind) {
    case 'heading': {
      const H = (['h3', 'h4', 'h5'] as const)[b.level - 1] ?? 'h5';
      return <H id={b.anchor ? `rp-${b.anchor}` : undefined}>{b.text}</H>;
    }
    case 'paragraph':
      return (
        <p className={b.muted ? 'rp-muted' : undefined}>
          {b.label && <strong>{b.label}: </strong>}
          {b.text}
        </p>
      );
    case 'list':
      return (
        <ul>
          {b.items.map((i, n) => (
            <li key={n}>
              {i.text}
              {i.anchor && (
                <>
                  {' '}
                  <a href={`#rp-${i.anchor}`}>↩</a>
                </>
              )}
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="rp-table">
          <table>
            <thead>
              <tr>
                {b.header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'image':
      return (
        <figure>
          {/* Inline, so the page's DejaVu Sans @font-face applies inside the picture. */}
          <div
            className="rp-svg"
            role="img"
            aria-label={b.caption}
            dangerouslySetInnerHTML={{ __html: b.svg }}
          />
          <figcaption>{b.caption}</figcaption>
        </figure>
      );
  }
}

export function ReportDialog({ onClose }: { onClose: () => void }) {
  const ctx = useWorkshop();
  const { t } = useT(REPORT_NS);
  const [names, setNames] = useState(false);
  const [comma, setComma] = useState(false);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const { docs, ready } = useBoardDocs();
  const preview = usePreview(docs, ready, names);

  useEffect(() => () => abort.current?.abort(), []);

  const download = async (choice: Choice): Promise<void> => {
    const format = choice === 'answers' ? 'csv' : choice;
    const params = new URLSearchParams({ lang: currentLanguage() });
    if (names) params.set('names', '1');
    if (comma) params.set('sep', 'comma');
    if (choice === 'answers') params.set('table', 'answers');
    const controller = new AbortController();
    abort.current = controller;
    setBusy(choice);
    setMessage(t('working', { format: t(`formats.${choice}`) }));
    try {
      const res = await fetch(`/api/workshops/${ctx.workshopId}/report.${format}?${params}`, {
        headers: { authorization: `Bearer ${ctx.token}` },
        signal: controller.signal,
      });
      if (!res.ok) {
        setMessage(t('failed', { status: res.status }));
        return;
      }
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
        `report.${format}`;
      saveBlob(await res.blob(), name);
      setMessage(t('done', { format: t(`formats.${choice}`) }));
    } catch {
      setMessage(controller.signal.aborted ? t('cancelled') : t('failed', { status: '–' }));
    } finally {
      setBusy(null);
      abort.current = null;
    }
  };

  return (
    <div className="rp-backdrop" onClick={onClose}>
      <div
        className="rp-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rp-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header className="rp-head">
          <h2 id="rp-title">{t('title')}</h2>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            {t('close')}
          </button>
        </header>
        <div className="rp-controls">
          <label>
            <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />{' '}
            {t('names')}
          </label>
          <label>
            <input type="checkbox" checked={comma} onChange={(e) => setComma(e.target.checked)} />{' '}
            {t('comma')}
          </label>
          <div className="rp-formats" role="group" aria-label={t('download')}>
            {CHOICES.map((c) => (
              <button
                key={c}
                type="button"
                className="btn"
                disabled={busy !== null}
                onClick={() => void download(c)}
              >
                {t(`formats.${c}`)}
              </button>
            ))}
          </div>
          <PrivacySection docs={docs} ready={ready} />
          <p className="rp-status" role="status" aria-live="polite">
            {busy && <progress aria-label={message} />} {message}{' '}
            {busy && (
              <button type="button" className="btn" onClick={() => abort.current?.abort()}>
                {t('cancel')}
              </button>
            )}
          </p>
        </div>
        <section className="rp-preview" aria-label={t('preview')}>
          <h3 className="rp-preview-title">{t('preview')}</h3>
          {!preview && <p className="rp-muted">{t('loading')}</p>}
          {preview && (
            <article>
              <h2>{preview.title}</h2>
              <p className="rp-muted">{preview.subtitle}</p>
              {preview.blocks.map((b, i) => (
                <Block key={i} b={b} />
              ))}
            </article>
          )}
        </section>
      </div>
    </div>
  );
}

/** Export or forget one participant (docs/facilitator.md, "Privacy"). */
function PrivacySection({ docs, ready }: { docs: Map<string, Y.Doc>; ready: boolean }) {
  const ctx = useWorkshop();
  const { t } = useT(REPORT_NS);
  const people = readRoster(ctx.controlDoc).filter((p) => !p.removed);
  const [who, setWho] = useState('');
  const [removeContent, setRemoveContent] = useState(false);
  const [note, setNote] = useState('');
  const id = who || people[0]?.id || '';
  if (!people.length) return null;
  const exportData = (): void => {
    const data = exportParticipant(ctx.controlDoc, docs, id);
    if (data)
      saveBlob(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        `werkbank-${ctx.workshopId}-${id}.json`,
      );
  };
  const forget = (): void => {
    const extra = removeContent ? t('privacy.extra') : '';
    if (!window.confirm(t('privacy.confirm', { extra }))) return;
    forgetParticipant(ctx.controlDoc, docs, id, { removeContent, lang: currentLanguage() });
    setNote(t('privacy.forgotten'));
    setWho('');
  };
  return (
    <fieldset className="rp-privacy">
      <legend>{t('privacy.title')}</legend>
      <label>
        {t('privacy.who')}{' '}
        <select value={id} onChange={(e) => setWho(e.target.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || p.id}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" disabled={!ready} onClick={exportData}>
        {t('privacy.export')}
      </button>
      <label>
        <input
          type="checkbox"
          checked={removeContent}
          onChange={(e) => setRemoveContent(e.target.checked)}
        />{' '}
        {t('privacy.removeContent')}
      </label>
      <button type="button" className="btn" disabled={!ready} onClick={forget}>
        {t('privacy.forget')}
      </button>
      {note && <span role="status">{note}</span>}
    </fieldset>
  );
}

/** The facilitator panel's "Rapport" button and its dialog. */
export function ReportButton() {
  const { t } = useT(REPORT_NS);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && <ReportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
