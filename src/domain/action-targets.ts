/**
 * What an action targets: the 1–5 questions and the themes a decision was meant to improve, as
 * staff type them into the actions tab — short Georgian names, separated by commas (or
 * semicolons, or one a line). A question is named by its short name ("N1: საჭირო დოკუმენტების
 * ახსნა") or its id (n1.docs_clear); a theme by its name in the themes tab or its code. What is
 * not recognised is reported on the row, never guessed.
 */
import { FORMS, likertItems } from './forms';
import { t, type MessageId } from './messages';
import { matchKey } from './sanitize';
import { DEFAULT_THEMES, type Theme } from './themes';
import type { ActionTarget } from './types';

/** A target: a question (its item id) or a theme (its code). */
export type Target = ActionTarget;

export interface ParsedTargets {
  targets: Target[];
  /** The pieces not recognised, as typed. */
  unknown: string[];
}

/** Every 1–5 question, N1 then N2, with its short Georgian name. */
export const TARGET_QUESTIONS: ReadonlyArray<{ id: string; label: string }> = [...likertItems(FORMS.N1), ...likertItems(FORMS.N2)].map((item) => ({
  id: item.id,
  label: t(`target.${item.id.replace('.', '_')}` as MessageId),
}));

/** A question's short Georgian name; its id when it has none. */
export function questionTargetLabel(id: string): string {
  return TARGET_QUESTIONS.find((question) => question.id === id)?.label ?? id;
}

/** A target as one string, for de-duplication. */
export function targetKey(target: Target): string {
  return `${target.kind}:${target.id}`;
}

/** Parses what staff typed; themes are staff's (the themes tab) and the defaults. */
export function parseTargets(typed: unknown, themes: readonly Theme[] = DEFAULT_THEMES): ParsedTargets {
  const text = typed === null || typed === undefined ? '' : String(typed);
  // "N1:საჭირო…" and "N1 : საჭირო…" are the same name.
  const keyOf = (value: string): string => matchKey(value).replace(/\s*:\s*/g, ': ');
  const byKey = new Map<string, Target>();
  for (const question of TARGET_QUESTIONS) {
    byKey.set(keyOf(question.label), { kind: 'question', id: question.id });
    byKey.set(keyOf(question.id), { kind: 'question', id: question.id });
  }
  for (const theme of [...DEFAULT_THEMES, ...themes]) {
    if (theme.ka) byKey.set(keyOf(theme.ka), { kind: 'theme', id: theme.id });
    byKey.set(keyOf(theme.id), { kind: 'theme', id: theme.id });
  }
  const targets: Target[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const whole = byKey.get(keyOf(text));
  // A theme name of staff's own may hold a comma: the whole cell is tried first.
  const pieces = whole ? [text] : text.split(/[,;\n]+/);
  for (const piece of pieces) {
    const key = keyOf(piece.replace(/^[\s„“"'«»]+|[\s„“"'«».]+$/g, ''));
    if (key === '') continue;
    const target = byKey.get(key);
    if (!target) {
      unknown.push(piece.trim());
      continue;
    }
    if (seen.has(targetKey(target))) continue;
    seen.add(targetKey(target));
    targets.push(target);
  }
  return { targets, unknown };
}

/** A target's Georgian name as the row check and the report show it. */
export function targetLabel(target: Target, themes: readonly Theme[] = DEFAULT_THEMES): string {
  if (target.kind === 'question') return questionTargetLabel(target.id);
  const theme = themes.find((entry) => entry.id === target.id) ?? DEFAULT_THEMES.find((entry) => entry.id === target.id);
  return theme ? theme.ka : target.id;
}

/** What the script writes in an action's check cell: the targets understood, or what to fix. */
export function actionCheckText(
  action: { status: string; completedAt?: Date | null; targets?: readonly Target[]; unknownTargets?: readonly string[] },
  themes: readonly Theme[],
  themesTab: string,
): string {
  const parts: string[] = [];
  const unknown = action.unknownTargets ?? [];
  const targets = action.targets ?? [];
  if (unknown.length > 0) {
    parts.push(
      t('actions.targets_unknown', {
        unknown: unknown.map((piece) => `„${piece}“`).join(', '),
        example: `${questionTargetLabel('n1.docs_clear')}, ${targetLabel({ kind: 'theme', id: 'documents' }, themes)}`,
        questions: TARGET_QUESTIONS.map((question) => question.label).join('; '),
        themes: themesTab,
      }),
    );
  } else if (targets.length > 0) {
    parts.push(t('actions.targets_ok', { targets: targets.map((target) => targetLabel(target, themes)).join(', ') }));
  }
  if (action.status === 'done') {
    if (!action.completedAt) parts.push(t('actions.completed_missing'));
    if (targets.length === 0 && unknown.length === 0) parts.push(t('actions.targets_missing'));
  }
  return parts.join(' · ');
}
