import { z } from 'zod';
import { UuidSchema } from './ids';
import { GeoPointSchema, TimeWindowSchema } from './matching/scenario';
import { PersonModeSettingsSchema } from './person-mode';

const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const list = (item: number, most: number, what: string) => z.array(line(item)).max(most, `can have at most ${most} ${what}`);
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** How the person speaks: matching and the organiser's preparation both need to know. */
export const SpeechSchema = z.enum(['speaks', 'some-words', 'no-speech']);
export type Speech = z.infer<typeof SpeechSchema>;

/**
 * The one-page profile of a person receiving care, drafted with them at the first assessment
 * (PUT /api/people/:id/profile), with what matching needs. One schema for the app's form and the server.
 */
export const PersonProfileFormSchema = z
  .object({
    firstName: line(40),
    age: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(130, 'must be at most 130'),
    /** Where and how they live, in words: "On her own in a bungalow in Bispham". */
    livesAt: line(200),
    appreciated: list(300, 6, 'things'),
    importantToMe: z.array(line(300)).min(1, 'needs at least one thing').max(8, 'can have at most 8 things'),
    howToSupportMe: z.array(line(300)).min(1, 'needs at least one thing').max(8, 'can have at most 8 things'),
    interests: list(60, 20, 'interests'),
    getsOnWith: list(60, 12, 'words'),
    doesNotGetOnWith: list(60, 12, 'words'),
    /** When support is needed, every week. */
    // Strict here (scenario files may carry extra columns; a request may not): unknown keys are refused, not dropped.
    visitTimes: z.array(TimeWindowSchema.strict()).min(1, 'needs at least one time').max(50, 'can have at most 50 times'),
    /** Where support happens, in words: "Hilda’s home, Bispham, Blackpool". */
    homePlace: line(200),
    home: GeoPointSchema.strict(),
    /** Care needs: the skills a carer must have ("medication prompt", "hoist"). */
    needsSkills: list(60, 30, 'skills'),
    /** Who they want personal care from; null for no preference. */
    personalCareBy: z.enum(['woman', 'man']).nullable(),
    speech: SpeechSchema,
    /** Chooses best with pictures (photos first, symbols). */
    usesPictures: z.boolean(),
    /** Languages they need a carer to speak; any one will do. */
    languages: z.array(line(40)).min(1, 'needs at least one language').max(10, 'can have at most 10 languages'),
    /** How best to talk with them and help them choose. */
    communication: line(300),
    /** When they were referred to the organisation (the report counts the days to their choice); null if not known. */
    referredOn: z.string().regex(CALENDAR_DATE, 'must be a date like 2026-10-19').nullable(),
  })
  .strict();
export type PersonProfileForm = z.infer<typeof PersonProfileFormSchema>;

/** What is recorded so far, complete or not. */
export const PersonProfileDraftSchema = z
  .object({
    firstName: z.string(),
    age: z.number(),
    livesAt: z.string(),
    appreciated: z.array(z.string()),
    importantToMe: z.array(z.string()),
    howToSupportMe: z.array(z.string()),
    interests: z.array(z.string()),
    getsOnWith: z.array(z.string()),
    doesNotGetOnWith: z.array(z.string()),
    visitTimes: z.array(TimeWindowSchema),
    homePlace: z.string(),
    home: GeoPointSchema.strict(),
    needsSkills: z.array(z.string()),
    personalCareBy: z.enum(['woman', 'man']).nullable(),
    speech: SpeechSchema,
    usesPictures: z.boolean(),
    languages: z.array(z.string()),
    communication: z.string(),
    referredOn: z.string().nullable(),
  })
  .partial()
  .strict();
export type PersonProfileDraft = z.infer<typeof PersonProfileDraftSchema>;

/** GET /api/people/:id/profile */
export const PersonProfileViewSchema = z
  .object({
    id: UuidSchema,
    draft: PersonProfileDraftSchema,
    profileComplete: z.boolean(),
    /** How person mode looks and works for them, as every visit pack carries it (the organisation's default filled in). */
    personMode: PersonModeSettingsSchema.extend({ descriptionFirst: z.boolean() }),
    updatedAt: z.string(),
  })
  .strict();
export type PersonProfileView = z.infer<typeof PersonProfileViewSchema>;
export const PersonProfileListSchema = z.object({ people: z.array(PersonProfileViewSchema) }).strict();

export const SavePersonProfileRequestSchema = z
  .object({ profile: PersonProfileFormSchema, basedOnUpdatedAt: z.string().datetime({ offset: true }) })
  .strict();
export type SavePersonProfileRequest = z.infer<typeof SavePersonProfileRequestSchema>;

/** PUT /api/people/:id/person-mode: the office sets person mode for them (a tablet's later change still wins). */
export const SavePersonModeRequestSchema = z.object({ settings: PersonModeSettingsSchema }).strict();
export type SavePersonModeRequest = z.infer<typeof SavePersonModeRequestSchema>;

export const NewPersonRequestSchema = z.object({ firstName: line(40) }).strict();
export type NewPersonRequest = z.infer<typeof NewPersonRequestSchema>;
