/**
 * The SVG drawing of the answer widget, both kinds (workshops/elements/registry.ts hands it to
 * the `rating` and `survey` modules). Every other element type draws itself (`draw` in its
 * module); the shared pieces are in svg.ts.
 */
import { localize } from '../i18n';
import type { WidgetElement } from '../elements/widget';
import { WIDGET_KIND_SPECS, widgetSheet } from '../elements/widget';
import { SCALE_MAX, SCALE_MIN, WIDGET_LABELS, SURVEY_GROUP_LABELS } from '../widgets/content';
import { widgetLayout } from '../widgets/layout';
import { summarise } from '../widgets/stats';
import type { DrawContext } from './svg';
import { rect, textIn, translate } from './svg';
import { r } from './text';

export * from './svg';

/** An answer widget of any kind: title, labels, the 1–5 scale, average bars. */
export function drawWidget(el: WidgetElement, ctx: DrawContext): string {
  const lang = ctx.lang;
  const spec = WIDGET_KIND_SPECS[el.type];
  const sheet = widgetSheet(el);
  const title = el.title || localize(spec.title, lang);
  const labelOf = (id: string): string => {
    const q = spec.question(id);
    return q ? localize(q.label ?? q.text, lang) : id;
  };
  const layout = widgetLayout(el);
  const parts = [
    rect(el.w, el.h, 'fill="#ffffff" stroke="#cbd5e1" stroke-width="1.5"', 12),
    textIn(ctx, title, { ...layout.title, size: 20, bold: true, wrap: false, valign: 'middle' }),
  ];
  for (const g of layout.groups)
    parts.push(
      textIn(ctx, localize(SURVEY_GROUP_LABELS[g.group], lang), {
        ...g.box,
        size: 15,
        bold: true,
        fill: '#475569',
        wrap: false,
        valign: 'middle',
      }),
    );
  for (const row of layout.rows) {
    parts.push(textIn(ctx, labelOf(row.questionId), { ...row.label, size: 13, valign: 'middle' }));
    for (const b of row.buttons)
      parts.push(
        `<g transform="translate(${r(b.box.x)} ${r(b.box.y)})">${rect(b.box.w, b.box.h, 'fill="#f8fafc" stroke="#94a3b8"', 6)}${textIn(ctx, String(b.score), { x: 0, y: 0, w: b.box.w, h: b.box.h, size: 13, align: 'center', valign: 'middle', fill: '#334155' })}</g>`,
      );
    const s = summarise(sheet, row.questionId);
    const st = row.stats;
    const share = s.average === null ? 0 : (s.average - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
    parts.push(
      `<g transform="translate(${r(st.x)} ${r(st.y)})">${rect(st.w * 0.6, st.h * 0.5, 'fill="#e2e8f0"', 4)}` +
        `${share > 0 ? rect(st.w * 0.6 * share, st.h * 0.5, 'fill="#2563eb"', 4) : ''}` +
        textIn(ctx, s.average === null ? '–' : `${s.average.toFixed(1)} (n=${s.n})`, {
          x: st.w * 0.62,
          y: 0,
          w: st.w * 0.38,
          h: st.h * 0.5,
          size: 12,
          wrap: false,
          valign: 'middle',
        }) +
        '</g>',
    );
  }
  if (layout.rows.length === 0)
    parts.push(
      textIn(ctx, localize(WIDGET_LABELS.noAnswers, lang), {
        x: 20,
        y: 60,
        w: el.w - 40,
        h: 30,
        size: 14,
      }),
    );
  return translate(el, parts.join(''));
}
