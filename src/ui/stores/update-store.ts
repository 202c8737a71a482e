import { create } from 'zustand';

/** Whether a new version of the app is installed and waiting. Session-only: it is found again on each start. */
interface UpdateState {
  /** Set when a new service worker is waiting; calling it activates it and reloads. */
  applyUpdate: (() => void) | null;
  /** The organiser said "Not now": offer again next time the app starts. */
  dismissed: boolean;
  offerUpdate: (applyUpdate: () => void) => void;
  dismiss: () => void;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  applyUpdate: null,
  dismissed: false,
  offerUpdate: (applyUpdate) => set({ applyUpdate, dismissed: false }),
  dismiss: () => set({ dismissed: true }),
}));

export function resetUpdateStore(): void {
  useUpdateStore.setState({ applyUpdate: null, dismissed: false });
}
