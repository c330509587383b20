/**
 * The Georgian custom menu. One list feeds onOpen and the bundle test that proves every handler
 * exists as a top-level function of the built script.
 */
export const MENU_TITLE = 'უკუკავშირი';

export const MENU_ITEMS: ReadonlyArray<{ caption: string; handler: string } | 'separator'> = [
  { caption: 'სისტემის მომზადება / განახლება', handler: 'menuSetup' },
  { caption: 'ქაღალდის ფორმა და QR პლაკატი', handler: 'menuPaperForms' },
  'separator',
  { caption: 'ქაღალდის ფორმების შეტანა', handler: 'menuImportPaper' },
  { caption: 'უკუკავშირის შეგროვება ახლავე', handler: 'menuCollectNow' },
  { caption: 'მოწვევების გაგზავნა ახლავე', handler: 'menuSendInvitations' },
  'separator',
  { caption: 'ანალიტიკური ანგარიშის მომზადება', handler: 'menuBuildReport' },
  { caption: 'სამუშაო შეხვედრის დღის წესრიგი', handler: 'menuPrepareMeeting' },
  { caption: 'საჯარო ანგარიშის გამოქვეყნება', handler: 'menuPublishReport' },
];

/** Builds the menu; runs in the simple onOpen trigger, so it touches nothing that needs authorization. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}
