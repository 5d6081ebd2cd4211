/**
 * Small line icons (24×24, currentColor) for the toolbar. The icons of the tools that place an
 * element come with the element's view (web/board/elements, `tools`).
 */
const paths: Record<string, string> = {
  select: 'M5 3l14 8-6 2-3 6z',
  hand: 'M8 13V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-4.5a1.5 1.5 0 013 0V14a6 6 0 01-6 6h-1a6 6 0 01-5-2.7L5 13.5a1.5 1.5 0 012.6-1.5L8 13',
  connector: 'M5 19L19 5M19 5h-6M19 5v6',
  block: 'M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  help: 'M9.5 9a2.5 2.5 0 115 0c0 1.7-2.5 2-2.5 4M12 17h.01M12 21a9 9 0 110-18 9 9 0 010 18z',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 018 0v4',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14',
  collapse: 'M6 9l6 6 6-6',
  search: 'M11 18a7 7 0 110-14 7 7 0 010 14zM21 21l-5-5',
  close: 'M6 6l12 12M18 6L6 18',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  more: 'M4 12h2.5M10.75 12h2.5M17.5 12h2.5',
};

/** `path` (an element view's tool icon, web/board/elements) wins over the named one. */
export function Icon({
  name,
  path,
  size = 20,
}: {
  name: keyof typeof paths | string;
  path?: string | undefined;
  size?: number;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={path ?? paths[name] ?? paths.rect} />
    </svg>
  );
}
