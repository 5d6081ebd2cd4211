/**
 * Mount points of the facilitator feature in the app shell. Placeholders until the facilitator
 * feature fills them: `SessionBar` (agenda, current activity, countdown — everyone sees it) and
 * `FacilitatorPanel` (the facilitator's controls).
 */
export function SessionBar() {
  return null;
}

export function FacilitatorPanel() {
  return null;
}
