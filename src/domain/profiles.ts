import { z } from 'zod';
import { Sha256Schema, UuidSchema } from './ids';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A care worker's one-page profile, as the person sees it on the tablet. */
export const CarerProfileSchema = z
  .object({
    id: UuidSchema,
    firstName: text(40),
    /** "What people appreciate about me". */
    appreciated: z.array(text(200)).min(1).max(6),
    /** "What matters to me": three things. */
    mattersToMe: z.array(text(200)).length(3, 'must list exactly three things'),
    interests: z.array(text(60)).max(20),
    qualities: z.array(text(40)).max(12),
    photo: Sha256Schema,
    film: Sha256Schema,
    /** WebVTT captions for the film, written with the profile. */
    captions: Sha256Schema.optional(),
    /**
     * The carer reading each section aloud in their own voice (audio/mp4): 'What people appreciate about me'
     * and 'What matters to me'. Used by person mode's Listen buttons.
     */
    voices: z.object({ appreciated: Sha256Schema, mattersToMe: Sha256Schema }).partial().strict().optional(),
  })
  .strict();
export type CarerProfile = z.infer<typeof CarerProfileSchema>;

/** The one-page profile of the person receiving care. */
export const PersonProfileSchema = z
  .object({
    id: UuidSchema,
    firstName: text(40),
    age: z.number().int().min(0).max(130),
    livesAt: text(200),
    appreciated: z.array(text(300)).max(6),
    importantToMe: z.array(text(300)).max(8),
    howToSupportMe: z.array(text(300)).max(8),
    interests: z.array(text(60)).max(20),
    getsOnWith: z.array(text(60)).max(12),
    doesNotGetOnWith: z.array(text(60)).max(12),
    /** How this person chooses best, e.g. "with pictures". */
    communication: text(300),
    /** Whether they speak, a few words, or not at all (absent for profiles written before the office's editor). */
    speech: z.enum(['speaks', 'some-words', 'no-speech']).optional(),
    /** They choose best with pictures. */
    usesPictures: z.boolean().optional(),
  })
  .strict();
export type PersonProfile = z.infer<typeof PersonProfileSchema>;
