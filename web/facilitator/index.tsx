/**
 * The facilitator feature's mount points in the app shell: `SessionBar` (everyone: agenda,
 * current activity, countdown, voting and silent rounds), `FacilitatorPanel` (the controls) and
 * `AdminPage` (`/admin`: create workshops, join code and QR).
 */
export { SessionBar, SummonNotice } from './SessionBar';
export { FacilitatorPanel } from './FacilitatorPanel';
export { AdminPage } from './AdminPage';
