/**
 * Paper N1 entry: the clerk types a stack of paper forms into the paper tab, one row per form,
 * one column per question, with dropdowns that refuse invalid values as they are typed.
 */
import { N1 } from '../domain/forms';
import { TABS, type ColumnSpec } from '../domain/schema';

/** The paper tab: date received, then every N1 question in annex order, then script columns. */
export function paperColumns(): ColumnSpec[] {
  const [receivedAt, ...scriptColumns] = TABS.paper.columns;
  const items: ColumnSpec[] = N1.items.map((item) => {
    const header = `${item.ka} [${item.id}]`;
    switch (item.type) {
      case 'service':
        return { key: item.id, header, rule: { kind: 'serviceList' }, width: 260 };
      case 'likert':
        return { key: item.id, header, rule: { kind: 'score' }, width: 110 };
      case 'choice':
      case 'yesno':
        // An "other" answer is free text, so that column cannot refuse values outside the list.
        return item.hasOther
          ? { key: item.id, header, width: 180 }
          : { key: item.id, header, rule: { kind: 'list', values: [...(item.choices ?? [])] }, width: 140 };
      case 'paragraph':
        return { key: item.id, header, width: 320, plainText: true };
    }
  });
  return [receivedAt, ...items, ...scriptColumns];
}
