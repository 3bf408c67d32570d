import type { components } from './schema';

type Schemas = components['schemas'];

export type Card = Schemas['CardResponse'];
export type CardStatus = 'draft' | 'approved' | 'rejected' | 'synced' | 'sync_failed';
export type CardSort = 'newest' | 'oldest' | 'updated';
export type HistoryEntry = Schemas['HistoryEntryResponse'];
export type Deck = Schemas['DeckResponse'];
export type DeckNode = Schemas['DeckTreeNode'];
export type Template = Schemas['TemplateResponse'];
export type TemplateField = Schemas['FieldDto'];
export type CardType = Schemas['CardTypeDto'];
export type Preview = Schemas['PreviewResponse'];
export type Prompt = Schemas['PromptResponse'];
export type RenderedPrompt = Schemas['RenderedPromptResponse'];
export type ImportResult = Schemas['ImportResponse'];
export type ImportJob = Schemas['ImportJobResponse'];
export type ImportProgress = Schemas['ProgressResponse'];
export type Health = Schemas['HealthResponse'];
export type User = Schemas['UserResponse'];
export type Tokens = Schemas['TokenResponse'];
export type GenerationOrder = Omit<Schemas['GenerateRequest'], 'idempotency_key'>;
export type GenerationJobSummary = Schemas['JobSummaryResponse'];
export type GenerationJob = Schemas['JobResponse'];
export type FactCheck = Schemas['FactCheckResponse'];
export type CardGeneration = Schemas['CardGenerationResponse'];
export type ServiceSettings = Schemas['ServiceSettingsResponse'];

export const CARD_STATUSES: CardStatus[] = ['draft', 'approved', 'rejected', 'synced', 'sync_failed'];
export const PROMPT_CATEGORIES = ['generation', 'fact_check', 'chat', 'improvement'];
export type ChatSession = Schemas['SessionResponse'];
export type ChatSessionDetails = Schemas['SessionDetailsResponse'];
export type StoredChatMessage = Schemas['ChatMessageResponse'];
