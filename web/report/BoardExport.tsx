/**
 * Exporting the open board, for everyone who can read it: PNG (1×, 2×, 4×; the whole board, one
 * frame or the selection; white or transparent), SVG, and PDF (a page per frame, or the board on
 * one page). The picture is workshops/render's SVG, drawn in steps with progress and a cancel,
 * rasterised by the browser. Opened by the board's "Export board" command (the
 * `werkbank:export-board` event) or from the report dialog.
 */
import { useEffect, useRef, useState } from 'react';
import type { Element, FrameElement } from '../../workshops';
import type { BoardPictureOptions } from '../../workshops/render';
import { frameArea } from '../../workshops/render';
import { useWorkshop } from '../app/context';
import { currentLanguage, useT } from '../i18n';
import { saveBlob } from './download';
import { jpegPdf } from './pdf';
import { Cancelled, drawPicture, rasterise } from './rasterise';
import { REPORT_NS } from './strings';
import './report.css';

export const EXPORT_EVENT = 'werkbank:export-board';

type Format = 'png' | 'svg' | 'pdf';
type Area = 'whole' | 'frame' | 'selection';

/** Canvas limit in Chromium: 16384 px a side; stay below. */
const MAX_SIDE = 16_000;

export function BoardExportDialog({ onClose }: { onClose: () => void }) {
  const ctx = useWorkshop();
  const { t } = useT(REPORT_NS);
  const board = ctx.board;
  const elements: Element[] = [...board.state.elements.values()];
  const frames = elements
    .filter((e): e is FrameElement => e.type === 'frame')
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const selection = board.state.selection;
  const [format, setFormat] = useState<Format>('png');
  const [area, setArea] = useState<Area>(selection.size ? 'selection' : 'whole');
  const [frameId, setFrameId] = useState(frames[0]?.id ?? '');
  const [scale, setScale] = useState(2);
  const [transparent, setTransparent] = useState(false);
  const [perFrame, setPerFrame] = useState(true);
  const [progress, setProgress] = useState<string | null>(null);
  const cancelled = useRef(false);

  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  const base = `${ctx.workshopId}-${ctx.boardId}`;
  const optionsFor = (a: Area, s: number, fId = frameId): BoardPictureOptions => {
    const lang = currentLanguage();
    const frame = frames.find((f) => f.id === fId);
    const opts: BoardPictureOptions = {
      lang,
      scale: s,
      background: transparent ? null : '#ffffff',
    };
    if (a === 'frame' && frame) opts.area = frameArea(frame);
    if (a === 'selection') opts.only = new Set(selection);
    return opts;
  };
  /** The scale, lowered when the picture would exceed the canvas limit. */
  const capped = (box: { w: number; h: number }, s: number): number =>
    Math.min(s, MAX_SIDE / Math.max(box.w, box.h, 1));
  const onProgress = (done: number, total: number): void =>
    setProgress(t('export.progress', { done, total }));

  const run = async (): Promise<void> => {
    cancelled.current = false;
    setProgress(t('export.progress', { done: 0, total: elements.length }));
    try {
      if (format === 'pdf') {
        const targets = perFrame && frames.length ? frames.map((f) => f.id) : [''];
        const pages = [];
        for (const id of targets) {
          const opts = optionsFor(id ? 'frame' : 'whole', 1, id);
          opts.background = '#ffffff';
          const pic = await drawPicture(
            elements,
            { ...opts, scale: 1 },
            onProgress,
            () => cancelled.current,
          );
          const s = Math.min(2, MAX_SIDE / Math.max(pic.width, pic.height));
          const sized = {
            ...pic,
            width: Math.round(pic.width * s),
            height: Math.round(pic.height * s),
          };
          setProgress(t('export.rasterising'));
          const jpeg = new Uint8Array(await (await rasterise(sized, 'image/jpeg')).arrayBuffer());
          pages.push({ jpeg, width: sized.width, height: sized.height });
          if (cancelled.current) throw new Cancelled();
        }
        saveBlob(jpegPdf(pages), `${base}.pdf`);
      } else {
        const opts = optionsFor(area, format === 'svg' ? 1 : scale);
        let pic = await drawPicture(elements, opts, onProgress, () => cancelled.current);
        if (format === 'svg')
          saveBlob(new Blob([pic.svg], { type: 'image/svg+xml' }), `${base}.svg`);
        else {
          const s = capped(pic.area, scale);
          if (s < scale)
            pic = { ...pic, width: Math.round(pic.area.w * s), height: Math.round(pic.area.h * s) };
          setProgress(t('export.rasterising'));
          saveBlob(await rasterise(pic, 'image/png'), `${base}-${scale}x.png`);
        }
      }
      setProgress(null);
      onClose();
    } catch (err) {
      setProgress(err instanceof Cancelled ? t('cancelled') : String(err));
    }
  };

  const busy = progress !== null && progress !== t('cancelled');
  return (
    <div className="rp-backdrop" onClick={onClose}>
      <div
        className="rp-dialog rp-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rp-export-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header className="rp-head">
          <h2 id="rp-export-title">{t('export.title')}</h2>
          <button type="button" className="btn" onClick={onClose}>
            {t('close')}
          </button>
        </header>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <fieldset>
            <legend>{t('export.format')}</legend>
            {(['png', 'svg', 'pdf'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="format"
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />{' '}
                {f.toUpperCase()}
              </label>
            ))}
          </fieldset>
          {format !== 'pdf' && (
            <fieldset>
              <legend>{t('export.area')}</legend>
              <label>
                <input
                  type="radio"
                  name="area"
                  checked={area === 'whole'}
                  onChange={() => setArea('whole')}
                />{' '}
                {t('export.whole')}
              </label>
              <label>
                <input
                  type="radio"
                  name="area"
                  checked={area === 'frame'}
                  disabled={!frames.length}
                  onChange={() => setArea('frame')}
                />{' '}
                {t('export.frame')}
              </label>
              {area === 'frame' && (
                <select
                  aria-label={t('export.frame')}
                  value={frameId}
                  onChange={(e) => setFrameId(e.target.value)}
                >
                  {frames.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.title || f.id}
                    </option>
                  ))}
                </select>
              )}
              <label>
                <input
                  type="radio"
                  name="area"
                  checked={area === 'selection'}
                  disabled={!selection.size}
                  onChange={() => setArea('selection')}
                />{' '}
                {t('export.selection', { count: selection.size })}
              </label>
            </fieldset>
          )}
          {format === 'png' && (
            <>
              <fieldset>
                <legend>{t('export.scale')}</legend>
                {[1, 2, 4].map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name="scale"
                      checked={scale === s}
                      onChange={() => setScale(s)}
                    />{' '}
                    {s}×
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t('export.background')}</legend>
                <label>
                  <input
                    type="radio"
                    name="bg"
                    checked={!transparent}
                    onChange={() => setTransparent(false)}
                  />{' '}
                  {t('export.white')}
                </label>
                <label>
                  <input
                    type="radio"
                    name="bg"
                    checked={transparent}
                    onChange={() => setTransparent(true)}
                  />{' '}
                  {t('export.transparent')}
                </label>
              </fieldset>
            </>
          )}
          {format === 'pdf' && (
            <fieldset>
              <legend>{t('export.pdfPages')}</legend>
              <label>
                <input
                  type="radio"
                  name="pages"
                  checked={perFrame}
                  onChange={() => setPerFrame(true)}
                />{' '}
                {t('export.perFrame')}
              </label>
              <label>
                <input
                  type="radio"
                  name="pages"
                  checked={!perFrame}
                  onChange={() => setPerFrame(false)}
                />{' '}
                {t('export.onePage')}
              </label>
            </fieldset>
          )}
          <p className="rp-status" role="status" aria-live="polite">
            {busy && <progress aria-label={progress ?? ''} />} {progress}
          </p>
          <div className="rp-formats">
            <button type="submit" className="btn btn-primary" disabled={busy || !elements.length}>
              {elements.length ? t('export.go') : t('export.empty')}
            </button>
            {busy && (
              <button type="button" className="btn" onClick={() => (cancelled.current = true)}>
                {t('cancel')}
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}

/** Listens for the board's export command; mounted once in the workshop page. */
export function BoardExportHost() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const show = (): void => setOpen(true);
    window.addEventListener(EXPORT_EVENT, show);
    return () => window.removeEventListener(EXPORT_EVENT, show);
  }, []);
  return open ? <BoardExportDialog onClose={() => setOpen(false)} /> : null;
}
