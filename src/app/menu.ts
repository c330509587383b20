/**
 * The Georgian custom menu. One list feeds onOpen and the bundle test that proves every handler
 * exists as a top-level function of the built script.
 */
import { t, type MessageId } from '../domain/i18n';

export const MENU_TITLE = t('menu.root');

const item = (id: MessageId, handler: string): { caption: string; handler: string } => ({ caption: t(id), handler });

export const MENU_ITEMS: ReadonlyArray<{ caption: string; handler: string } | 'separator'> = [
  item('menu.setup', 'menuSetup'),
  item('menu.paper_form', 'menuPaperForms'),
  'separator',
  item('menu.import_paper', 'menuImportPaper'),
  item('menu.collect_now', 'menuCollectNow'),
  item('menu.send_invitations', 'menuSendInvitations'),
  'separator',
  item('menu.build_report', 'menuBuildReport'),
  item('menu.prepare_meeting', 'menuPrepareMeeting'),
  item('menu.publish_report', 'menuPublishReport'),
];

/** Builds the menu; runs in the simple onOpen trigger, so it touches nothing that needs authorization. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU_ITEMS) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}
