/**
 * The Georgian custom menu. One list feeds onOpen and the bundle test that proves every handler
 * exists as a top-level function of the built script.
 */
import { t, type MessageId } from '../domain/messages';
import type { MenuEntry } from '../adapters/ui';

export const MENU_TITLE = t('menu.root');

const item = (id: MessageId, handler: string): { caption: string; handler: string } => ({ caption: t(id), handler });

export const MENU_ITEMS: readonly MenuEntry[] = [
  item('menu.setup', 'menuSetup'),
  item('menu.self_check', 'menuSelfCheck'),
  item('menu.paper_form', 'menuPaperForms'),
  'separator',
  item('menu.import_paper', 'menuImportPaper'),
  item('menu.sample_check', 'menuSampleCheck'),
  item('menu.collect_now', 'menuCollectNow'),
  item('menu.send_invitations', 'menuSendInvitations'),
  item('menu.sms_key', 'menuSmsKey'),
  'separator',
  item('menu.build_report', 'menuBuildReport'),
  item('menu.prepare_meeting', 'menuPrepareMeeting'),
  item('menu.publish_report', 'menuPublishReport'),
  item('menu.export_aggregates', 'menuExportAggregates'),
  item('menu.national_report', 'menuNationalReport'),
];
