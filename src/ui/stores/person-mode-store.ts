import { create } from 'zustand';

/** Which film is open in person mode. Session-only UI state: nothing here needs to survive a reload. */
interface PersonModeState {
  filmCarerId: string | null;
  /** The card to return focus to when the film closes, so a keyboard or switch user keeps their place. */
  returnFocusTo: string | null;
  openFilm: (carerId: string) => void;
  closeFilm: () => void;
  focusReturned: () => void;
}

export const usePersonModeStore = create<PersonModeState>()((set, get) => ({
  filmCarerId: null,
  returnFocusTo: null,
  openFilm: (carerId) => set({ filmCarerId: carerId, returnFocusTo: null }),
  closeFilm: () => set({ filmCarerId: null, returnFocusTo: get().filmCarerId }),
  focusReturned: () => set({ returnFocusTo: null }),
}));

export function resetPersonModeStore(): void {
  usePersonModeStore.setState({ filmCarerId: null, returnFocusTo: null });
}
