/**
 * The Georgian catalogue: every word the product shows staff and citizens outside its documents
 * and forms — the menu and its dialogs, the mails, row statuses and flags, tab names, column
 * headers and dropdown values, setup notes and the help of each dropdown. The analysis report
 * keeps its own two-language table (report-labels.ts); the annex questions are the forms'
 * definition (forms.ts). Georgian is never upper-cased: toUpperCase() turns Mkhedruli into
 * Mtavruli, which many fonts lack.
 */

export const MESSAGES = {
  // The spreadsheet menu, and what a menu item says when it failed.
  'menu.root': 'უკუკავშირი',
  'menu.setup': 'სისტემის მომზადება / განახლება',
  'menu.import_paper': 'ქაღალდის ფორმების შეტანა',
  'menu.sample_check': 'ქაღალდის ფორმების შერჩევითი შემოწმება (10%)',
  'menu.collect_now': 'უკუკავშირის შეგროვება ახლავე',
  'menu.send_invitations': 'მოწვევების დღის გაგზავნა',
  'menu.build_report': 'ანალიტიკური ანგარიშის მომზადება',
  'menu.prepare_meeting': 'სამუშაო შეხვედრის დღის წესრიგი',
  'menu.publish_report': 'საჯარო ანგარიშის გამოქვეყნება',
  'menu.paper_form': 'ქაღალდის ფორმა და QR პლაკატი',
  'menu.self_check': 'სისტემის შემოწმება',
  'menu.export_aggregates': 'აგრეგირებული მონაცემების ექსპორტი (ასოციაციისთვის)',
  'menu.failed':
    'შეცდომა: მოქმედება ვერ შესრულდა. სცადეთ ხელახლა; თუ შეცდომა განმეორდება, მიმართეთ IT სამსახურს (დეტალები: Apps Script ▸ შესრულებები / Executions).',

  // Setup.
  'setup.ready': 'სისტემა მზადაა.',
  'setup.created_tabs': 'შეიქმნა ჩანართები: {tabs}.',
  'setup.tabs_existed': 'ჩანართები უკვე არსებობდა.',
  'setup.created_forms': 'შეიქმნა ფორმები: {forms}.',
  'setup.forms_updated': 'ფორმების სერვისების სია განახლდა.',
  'setup.print_updated': 'ქაღალდის ფორმა და QR პლაკატი განახლდა (Drive: „{folder}“).',
  'setup.check_settings': 'შეამოწმეთ ჩანართი „{tab}“:\n{problems}',
  'setup.forms_not_public':
    'ყურადღება: ფორმებს ({forms}) ჯერ მხოლოდ თქვენი ორგანიზაციის ანგარიშით შეავსებენ — მოქალაქეები ბმულზე ნახავენ „You need permission“. ' +
    'Google-მა ვერ დაუშვა, რომ ფორმას უპასუხოს ნებისმიერმა, ვისაც ბმული აქვს. რა უნდა გააკეთოს ადმინისტრატორმა:\n' +
    '1. გახსენით თითოეული ფორმა (ბმულები ქვემოთ) ▸ „Publish“ / „გამოქვეყნება“ ▸ პასუხისმცემლები (Responders) ▸ „Anyone with the link“ / „ნებისმიერი, ვისაც აქვს ბმული“.\n' +
    '2. თუ ეს არჩევანი არ ჩანს, Google Workspace-ის ადმინისტრატორმა Admin console-ში (Apps ▸ Google Workspace ▸ Drive and Docs ▸ Sharing settings) უნდა დაუშვას გაზიარება ორგანიზაციის გარეთ.\n' +
    '3. შემდეგ ხელახლა გაუშვით „სისტემის მომზადება / განახლება“ — სისტემა შეამოწმებს.\n{links}',
  'setup.not_owner':
    'არაფერი შეცვლილა: „სისტემის მომზადება / განახლება“ უნდა გაუშვას სისტემის მფლობელმა, ანგარიშმა {owner}. ავტომატური გაშვებები (ტრიგერები) მის სახელზეა და მოწვევებიც მისი ფოსტიდან იგზავნება; თქვენი ანგარიშიდან ({me}) გაშვება ტრიგერების მეორე კომპლექტს შექმნიდა და ყოველი სამუშაო ორჯერ შესრულდებოდა. სთხოვეთ {owner}-ს, თავისი ანგარიშით გაუშვას ეს პუნქტი. თუ {owner} სისტემას აღარ მართავს: ჯერ მისი ტრიგერები უნდა წაიშალოს (Apps Script ▸ ტრიგერები, მისი ანგარიშით), შემდეგ Apps Script ▸ პროექტის პარამეტრები ▸ სკრიპტის თვისებებში წაშალეთ „triggers.owner“ და ეს პუნქტი ხელახლა გაუშვით.',
  'setup.self_check': '{summary} დეტალები და რა უნდა გაკეთდეს — ჩანართში „{tab}“.',
  'settings.bad_reply_to': 'პარამეტრი „replyTo“: „{value}“ ელფოსტის მისამართი არ არის; საპასუხო მისამართი არ მიეთითება',
  'settings.bad_manager': 'პარამეტრი „managers“: „{value}“ ელფოსტის მისამართი არ არის და გამოტოვებულია',
  'settings.not_positive_int': 'პარამეტრი „{key}“ უნდა იყოს დადებითი მთელი რიცხვი; გამოყენებულია {value}',
  'settings.bad_report_period': 'პარამეტრი „reportPeriod“: კვარტალური ან თვიური; გამოყენებულია {value}',
  'settings.bad_language': 'პარამეტრი „language“: ქართული ან ინგლისური; გამოყენებულია {value}',
  'settings.bad_invite_hour': 'პარამეტრი „inviteHour“: საათი 0-დან 23-მდე; გამოყენებულია {value}',
  'settings.bad_yes_no': 'პარამეტრი „{key}“: yes ან no; გამოყენებულია {value}',
  'settings.min_group_too_small':
    'პარამეტრი „minGroupSize“: {value} ძალიან მცირეა — {floor}-ზე მცირე ჯგუფში რესპონდენტის ამოცნობა შესაძლებელია. გამოყენებულია {floor} (შეიძლება გაიზარდოს, არა შემცირდეს)',
  'settings.bad_mode': 'პარამეტრი „mode“: მუნიციპალური ან ეროვნული; გამოყენებულია {value}',

  // How-to notes on the header of the tabs staff type into (shown when the pointer rests on A1).
  'note.box':
    'ყოველ ჯერზე, როცა უკუკავშირის ყუთს ხსნით, ჩაწერეთ ერთი სტრიქონი: გახსნის № (1, 2, 3 …), თარიღი, ვინ გახსნა და რამდენი ფორმა იპოვეთ. ამ ფორმების ჩაწერისას „ქაღალდის ფორმების“ ჩანართში მიუთითეთ იგივე №. სისტემა შეადარებს ნაპოვნს და ჩაწერილს.',
  'note.paper_check':
    'შერჩევითი შემოწმება: მეორე თანამშრომელი ქაღალდის ფორმიდან ხელახლა ჩაწერს აქ მითითებული სტრიქონების პასუხებს, პირველ ჩანაწერში ჩაუხედავად. შემდეგ ისევ გაუშვით მენიუს ბრძანება „ქაღალდის ფორმების შერჩევითი შემოწმება“.',
  'note.paper':
    'როგორ შევიტანოთ ქაღალდის ფორმები:\n' +
    '• ერთი ფორმა = ერთი სტრიქონი; სვეტები მიჰყვება ფორმის კითხვებს თანმიმდევრობით.\n' +
    '• ქულა 1–5 (მხოლოდ რიცხვი); ცარიელი = პასუხი არ არის (არა ნული).\n' +
    '• სერვისი და სხვა სიები — აირჩიეთ ჩამონათვალიდან; არასწორ მნიშვნელობას ცხრილი არ მიიღებს.\n' +
    '• ტექსტი გადაწერეთ ისე, როგორც წერია; სახელები და ტელეფონები არ ჩაწეროთ.\n' +
    '• სტრიქონი ჩაიწერება, როცა შევსებულია მიღების თარიღი და ერთი პასუხი მაინც; მანამდე სტატუსი გეტყვით, რა აკლია.\n' +
    '• შეცდომა შეასწორეთ პირდაპირ სტრიქონში — ჩანაწერი შემდეგ შეგროვებაზე განახლდება; გასუფთავებული სტრიქონის ჩანაწერი უქმდება.\n' +
    '• სტატუსს, ჩანაწერის ID-ს და ანაბეჭდს სისტემა წერს. შემდეგ: მენიუ „ქაღალდის ფორმების შეტანა“.',
  'note.other_channels':
    'ტელეფონით, სოციალურ ქსელში, ვებგვერდზე ან წერილით მიღებული უკუკავშირი: ერთი შეტყობინება = ერთი სტრიქონი ' +
    '(თარიღი, არხი, სერვისი, შინაარსი; სერვისი შეიძლება დარჩეს ცარიელი). პირადი მონაცემები (სახელი, ტელეფონი, ელფოსტა, პირადი ნომერი) არ ჩაწეროთ. ' +
    'შეცდომა შეასწორეთ პირდაპირ სტრიქონში — ჩანაწერი შემდეგ შეგროვებაზე განახლდება.',

  // The self-check (a menu item, and the end of setup): one row per check, in the tab „სისტემის შემოწმება“.
  'check.summary': 'სისტემის შემოწმება: ✓ {ok} · ⚠ {warn} · ✗ {fail}.',
  'check.attention': 'საყურადღებო:\n{list}',
  'check.see_tab': 'დეტალები და რა უნდა გაკეთდეს — ჩანართში „{tab}“.',
  'check.tab_not_written': 'ჩანართი „{tab}“ ვერ ჩაიწერა ({reason}). რა უნდა გაკეთდეს:\n{list}',
  'check.checked_at': 'შემოწმდა {when}, ანგარიშით {email}.',
  'check.probe_failed': 'შემოწმება ვერ შესრულდა: {reason}',
  'check.probe_failed_todo': 'სცადეთ ხელახლა; თუ შეცდომა განმეორდება, მიმართეთ IT სამსახურს (დეტალები: Apps Script ▸ შესრულებები / Executions).',
  'check.account': 'ანგარიშის ტიპი და Google-ის დღიური ლიმიტები',
  'check.account_workspace': 'Google Workspace-ის ანგარიში ({email}): დღეში {mail} ადრესატამდე, ტრიგერების მუშაობა — დღეში 6 საათამდე.',
  'check.account_consumer': 'ჩვეულებრივი (არა Workspace) Google ანგარიში ({email}): დღეში {mail} ადრესატამდე, ტრიგერების მუშაობა — დღეში 90 წუთამდე.',
  'check.account_consumer_todo':
    'თუ დღეში 100-ზე მეტი მოწვევაა საჭირო, სისტემა მუნიციპალიტეტის Google Workspace-ის ანგარიშზე გადაიტანეთ; მანამდე ზედმეტი მოწვევები მომდევნო დღეებში გაიგზავნება.',
  'check.account_unknown': 'ანგარიშის ტიპი ({email}) ვერ დადგინდა; ვვარაუდობთ ჩვეულებრივ ანგარიშს: დღეში 100 ადრესატი, ტრიგერების მუშაობა — დღეში 90 წუთი.',
  'check.account_unknown_todo': 'გაუშვით „სისტემის მომზადება / განახლება“, შემდეგ ეს შემოწმება ხელახლა.',
  'check.mail_setting': 'პარამეტრი mailQuotaPerDay (დღიური ზღვარი) და Google-ის ლიმიტი',
  'check.mail_setting_ok': 'mailQuotaPerDay: {value}; Google-ის ლიმიტი: {limit} ადრესატი დღეში.',
  'check.mail_setting_over':
    'mailQuotaPerDay: {value}, Google კი დღეში მხოლოდ {limit} ადრესატს უშვებს: ლიმიტის შემდეგ გაგზავნა ვერ მოხერხდება და მოწვევები მომდევნო დღეს გადაიდება.',
  'check.mail_setting_todo': 'ჩანართში „{tab}“ mailQuotaPerDay-ს მიუთითეთ არაუმეტეს {limit} (სხვა წერილებისთვისაც დატოვეთ ადგილი).',
  'check.mail_left': 'დღეს დარჩენილი წერილების კვოტა',
  'check.mail_left_ok': 'დღეს კიდევ {left} ადრესატს შეიძლება მიეწეროს (ანგარიში {email}).',
  'check.mail_left_none':
    'დღევანდელი კვოტა ამოიწურა (ანგარიში {email}): მოწვევები გაიგზავნება, როცა Google კვოტას განაახლებს (გაგზავნის დაწყებიდან 24 საათში).',
  'check.mail_left_todo':
    'არაფერი: დარჩენილ მოწვევებს სისტემა თავად გააგზავნის. თუ ეს ხშირად ხდება, ამ ანგარიშიდან სხვა წერილები შეამცირეთ ან mailQuotaPerDay დაწიეთ.',
  'check.locale': 'ცხრილის ლოკალი: როგორ იკითხება აკრეფილი თარიღი',
  'check.locale_ok': '{locale}: 05.01.2026 იკითხება როგორც 5 იანვარი (დღე.თვე.წელი).',
  'check.locale_bad': '{locale}: ასე აკრეფილ 05.01.2026-ს ცხრილი შეიძლება თარიღად არ მიიღებს ან დღესა და თვეს აურევს.',
  'check.locale_todo': 'გაუშვით „სისტემის მომზადება / განახლება“ (ცხრილს ka_GE-ს მისცემს), ან: ფაილი ▸ პარამეტრები ▸ ლოკალი ▸ საქართველო.',
  'check.time_zone': 'დროის სარტყელი: ცხრილისა და სკრიპტის',
  'check.time_zone_ok': 'ცხრილი და სკრიპტი — {zone}.',
  'check.time_zone_sheet': 'ცხრილის დროის სარტყელია {sheet}, სკრიპტისა — {script}: აკრეფილი თარიღი შეიძლება სხვა დღედ ჩაითვალოს.',
  'check.time_zone_sheet_todo':
    'გაუშვით „სისტემის მომზადება / განახლება“ (ცხრილს სკრიპტის სარტყელს მისცემს), ან: ფაილი ▸ პარამეტრები ▸ დროის სარტყელი ▸ (GMT+04:00) Tbilisi.',
  'check.time_zone_script': 'სკრიპტის დროის სარტყელია {script} და არა {expected}: ვადები და ანგარიშის პერიოდები სხვა დროით ითვლება.',
  'check.time_zone_script_todo': 'appsscript.json-ში timeZone უნდა იყოს {expected}: ხელახლა განათავსეთ სკრიპტი (npm run deploy).',
  'check.form': 'ფორმა {form}: არსებობს, გამოქვეყნებულია, პასუხებს იღებს, ღიაა ბმულით, აქვს პასუხების ჩანართი',
  'check.form_ok': 'გამოქვეყნებულია, პასუხებს იღებს, სათაური „{title}“, შევსება შეუძლია ნებისმიერს, ვისაც ბმული აქვს; პასუხები — ჩანართში „{tab}“.',
  'check.form_missing': 'ფორმა ჯერ არ შექმნილა.',
  'check.form_gone': 'ფორმა ვერ გაიხსნა ({reason}).',
  'check.form_trashed': 'ფორმა Drive-ის სანაგვეშია',
  'check.form_unpublished': 'ფორმა გამოქვეყნებული არ არის',
  'check.form_closed': 'ფორმა პასუხებს არ იღებს',
  'check.form_untitled': 'ფორმას სათაური არ აქვს',
  'check.form_not_open': 'შევსება მხოლოდ ორგანიზაციის ანგარიშებს შეუძლიათ — მოქალაქე ბმულზე ნახავს „You need permission“',
  'check.form_access_unknown': 'ვერ შემოწმდა, ვის შეუძლია შევსება ({reason})',
  'check.form_no_tab': 'პასუხების ჩანართი „{tab}“ ცხრილში არ არის',
  'check.form_setup_todo': 'გაუშვით „სისტემის მომზადება / განახლება“: შექმნის ფორმას ან აღადგენს მის სათაურს.',
  'check.form_restore_todo': 'აღადგინეთ ფორმა Drive-ის სანაგვიდან (Drive ▸ სანაგვე ▸ აღდგენა).',
  'check.form_publish_todo': 'გახსენით ფორმა ({url}) და დააჭირეთ „Publish“ / „გამოქვეყნება“.',
  'check.form_accept_todo': 'გახსენით ფორმა ({url}) ▸ „პასუხები“ / „Responses“ ▸ ჩართეთ „პასუხების მიღება“ / „Accepting responses“.',
  'check.form_open_todo':
    'გახსენით ფორმა ({url}) ▸ „Publish“ / „გამოქვეყნება“ ▸ პასუხისმცემლები (Responders) ▸ „Anyone with the link“ / „ნებისმიერი, ვისაც აქვს ბმული“. ' +
    'თუ ეს არჩევანი არ ჩანს, Google Workspace-ის ადმინისტრატორმა Admin console-ში (Apps ▸ Google Workspace ▸ Drive and Docs ▸ Sharing settings) უნდა დაუშვას ფორმების პასუხები ორგანიზაციის გარედან; შემდეგ გაუშვით ეს შემოწმება ხელახლა.',
  'check.form_tab_todo': 'ფორმაში: „პასუხები“ / „Responses“ ▸ „Link to Sheets“ ▸ აირჩიეთ ეს ცხრილი; შემდეგ გაუშვით ეს შემოწმება ხელახლა.',
  'check.triggers': 'ტრიგერები (ავტომატური გაშვებები): თითოეული ერთხელ, ერთი ანგარიშით',
  'check.triggers_ok': '{count} ტრიგერი, თითოეული ერთხელ ({handlers}); მფლობელი: {owner}.',
  'check.triggers_missing': 'აკლია: {handlers}',
  'check.triggers_duplicated': 'ერთზე მეტჯერაა: {handlers}',
  'check.triggers_none': 'ამ ანგარიშს ({me}) ტრიგერები არ აქვს და სისტემა ჯერ არავის დაუყენებია.',
  'check.triggers_setup_todo': 'გაუშვით „სისტემის მომზადება / განახლება“ ამავე ანგარიშით ({me}): დააყენებს დაკლებულს და წაშლის ზედმეტს.',
  'check.triggers_other_owner':
    'ტრიგერები დააყენა ანგარიშმა {owner}; Google ტრიგერებს მხოლოდ მათ მფლობელს აჩვენებს, ამიტომ ამ ანგარიშიდან ({me}) ისინი ვერ შემოწმდება. ამ ანგარიშს საკუთარი ტრიგერები არ აქვს.',
  'check.triggers_other_owner_todo': 'ტრიგერების შესამოწმებლად ეს შემოწმება ანგარიშით {owner} გაუშვით.',
  'check.triggers_twice':
    'ტრიგერები აქვს ამ ანგარიშსაც ({me}: {handlers}) და მათ მფლობელსაც ({owner}): ყოველი სამუშაო ორჯერ შესრულდება (მაგ. მოწვევა ორჯერ გაიგზავნება).',
  'check.triggers_twice_todo':
    'წაშალეთ ამ ანგარიშის ({me}) ტრიგერები: გაფართოებები ▸ Apps Script ▸ ტრიგერები (⏰) ▸ თითოეულზე „წაშლა“; ტრიგერები მფლობელს ({owner}) დარჩება. შემდეგ გაუშვით ეს შემოწმება ხელახლა.',
  'check.triggers_previous': 'სისტემა ადრე სხვა ანგარიშმაც დააყენა ({previous}): თუ მისი ტრიგერები ჯერ კიდევ არსებობს, ყოველი სამუშაო ორჯერ შესრულდება.',
  'check.triggers_previous_todo': 'ეს შემოწმება ანგარიშით {previous} გაუშვით: თუ იქ ტრიგერები დარჩა, შემოწმება იტყვის, როგორ წაიშალოს.',
  'check.triggers_previous_gone': 'ამ ანგარიშის ({me}) ძველი ტრიგერები აღარ არის; ტრიგერების მფლობელია {owner}.',
  'check.sharing': 'ბმულით გაზიარება (საჯარო ანგარიშის საქაღალდე)',
  'check.sharing_ok': 'საქაღალდე „{folder}“ გაზიარებულია ბმულით (მხოლოდ ხედვა): საჯარო ანგარიშის PDF-ს ნებისმიერი გახსნის.',
  'check.sharing_refused':
    'Google-მა ბმულით გაზიარება არ დაუშვა — ორგანიზაციის ადმინისტრატორი კრძალავს გაზიარებას ორგანიზაციის გარეთ: საჯარო ანგარიში ავტომატურად ვერ გამოქვეყნდება.',
  'check.sharing_todo':
    'საჯარო ანგარიში გამოაქვეყნეთ ხელით: 1. „საჯარო ანგარიშის გამოქვეყნება“ მაინც შექმნის PDF-ს, HTML ფრაგმენტს და პოსტის ტექსტს საქაღალდეში „{folder}“. ' +
    '2. ჩამოტვირთეთ PDF და ატვირთეთ მუნიციპალიტეტის ვებგვერდზე. 3. HTML ფრაგმენტსა და პოსტის ტექსტში PDF-ის ბმული შეცვალეთ ატვირთული ფაილის ბმულით და გამოაქვეყნეთ. ' +
    'ან სთხოვეთ ადმინისტრატორს, დაუშვას „ნებისმიერი, ვისაც აქვს ბმული“ გაზიარება.',
  'check.sharing_unreachable': 'საქაღალდე „{folder}“ ამ ანგარიშიდან ვერ გაიხსნა ({reason}).',
  'check.sharing_unreachable_todo':
    'ეს შემოწმება გაუშვით იმ ანგარიშით, რომელმაც სისტემა დააყენა; თუ საქაღალდე წაიშალა, „საჯარო ანგარიშის გამოქვეყნება“ ახალს შექმნის.',

  // The help a dropdown shows.
  'help.list': 'აირჩიეთ მნიშვნელობა ჩამონათვალიდან',
  'help.service': 'აირჩიეთ სერვისი ჩამონათვალიდან; ახალი სერვისი დაამატეთ ჩანართში „{tab}“',
  'help.date': 'თარიღი დდ.თთ.წწწწ, მაგ. 05.01.2026 (საჭიროებისას დროითაც: 05.01.2026 14:30)',
  'help.score': 'შეიყვანეთ რიცხვი 1-დან 5-მდე ან დატოვეთ ცარიელი',

  // Collection.
  // What happened overall, not only in this click: the hourly run may have recorded them all already.
  'collect.overall':
    'უკუკავშირის ცხრილში სულ არის {total} ჩანაწერი: {before} უკვე ჩაწერილი იყო (საათობრივი ავტომატური შეგროვებით ან წინა გაშვებით), ახალი ახლა: {added}.',
  'collect.with_notes': 'მათგან შენიშვნით: {count} (იხ. სვეტი flags და სტატუსები).',
  'collect.empty': 'ცარიელი ფორმა (არ ჩაიწერა): {count}.',
  'collect.more': 'ახალი პასუხები ჯერ კიდევ დარჩა: დანარჩენს სისტემა შემდეგ გაშვებაზე (ყოველ საათში) შეაგროვებს.',
  'collect.gap':
    'ყურადღება: ფორმა {form}-ში გაგზავნილია {submitted} პასუხი, ცხრილში კი აღრიცხულია {accounted} (ცარიელი ფორმების ჩათვლით). {missing} პასუხი ცხრილამდე ვერ მივიდა — ნახეთ ისინი ფორმის „პასუხების“ გვერდზე.',
  'collect.failed_before_build': 'ყურადღება: უკუკავშირის შეგროვება ვერ შესრულდა, ამიტომ ბოლო პასუხები შეიძლება ანგარიშში არ იყოს.',
  'paper.overall':
    'ქაღალდის ფორმებიდან უკუკავშირის ცხრილში სულ არის {total}: {before} უკვე ჩაწერილი იყო (წინა გაშვებით ან ანგარიშის მომზადებისას), ახალი ახლა: {added}.',
  'paper.with_notes': 'მათგან შენიშვნით: {count} — იხ. სვეტი „{column}“.',
  'paper.empty': 'ცარიელი სტრიქონი (არ ჩაიწერა): {count}.',
  'collect.corrected': 'შესწორდა უკვე ჩაწერილი ჩანაწერი: {count}.',
  'collect.incomplete': 'შეუვსებელი სტრიქონი (ჯერ არ ჩაიწერა): {count} — რა აკლია, იხ. სვეტი „{column}“.',
  'paper.corrected': 'ქაღალდის ფორმებიდან შესწორდა: {count}.',

  // Status of a typed-in row (paper forms, other channels).
  'row.recorded': 'ჩაიწერა',
  'row.recorded_with_notes': 'ჩაიწერა, შენიშვნით: {notes}',
  'row.skipped_empty': 'არ ჩაიწერა: ცარიელი ფორმა',
  'row.incomplete': 'ჯერ არ ჩაიწერა: შეავსეთ {missing} — შევსების შემდეგ ჩაიწერება შემდეგი შეგროვებისას',
  'row.corrected': '{status}; შესწორდა {date}',
  'row.correction_incomplete': 'ჩაიწერა; შესწორება ჯერ არ აისახა: შეავსეთ {missing}',
  'row.withdrawn': 'გაუქმდა {date}: სტრიქონი გასუფთავდა, ჩანაწერი {id} ანგარიშებში აღარ ითვლება',
  /** What a paper row lacks when no question is answered. */
  'row.missing_answer': 'ერთი პასუხი მაინც',

  // Problems found in a row of input (the feedback row's flags); `item` is an item id such as n1.overall.
  'error.invalid_score': '{item}: „{value}“ არ არის შეფასება 1-დან 5-მდე — ქულებში არ ჩაითვალა',
  'error.unknown_service': 'უცნობი სერვისი „{value}“ — ჩაიწერა როგორც „უცნობი“',
  'error.missing_required': '{item}: სავალდებულო პასუხი აკლია',
  'error.empty_submission': 'ცარიელი ფორმა: პასუხები არ არის, ჩანაწერი არ შეიქმნა',
  // Personal data found in a feedback text on arrival (domain/arrival.ts), and the kinds it names.
  'flag.personal_data': 'პერსონალური მონაცემი ({kinds}): არ ციტირდება, სანამ თანამშრომელი არ გადაამოწმებს და არ მონიშნავს „quotable“',
  'flag.callback': 'ითხოვს დაკავშირებას: გადაეცა კოორდინატორის სიას; კონტაქტი აქ დამალულია',
  'pd.phone': 'ტელეფონი',
  'pd.personal_number': 'პირადი ნომერი',
  'pd.email': 'ელფოსტა',
  'pd.name': 'განმცხადებლის სახელი',
  'pd.address': 'მისამართი',
  'folder.coordinator': 'უკუკავშირი — კოორდინატორი (არ გააზიაროთ)',
  'file.callbacks': 'დასაკავშირებელი მომხმარებლები.csv',
  'error.text_truncated': '{item}: ტექსტი 50 000 სიმბოლოზე გრძელი იყო და შემოკლდა',
  'error.invalid_date': 'არასწორი თარიღი „{value}“ — გამოიყენეთ ფორმატი დდ.თთ.წწწწ; ჩაიწერა შეტანის თარიღი',
  'error.invalid_channel': 'უცნობი არხი „{value}“ — ჩაიწერა როგორც „სხვა“',
  'error.unexpected_choice': '{item}: „{value}“ არ არის ჩამონათვალში',
  'error.withdrawn': 'გაუქმდა {date}: შესაბამისი სტრიქონი ჩანართში „{tab}“ გასუფთავდა — ანგარიშებში არ ითვლება',

  // Status of the N2 invitation of a closed case (the applications tab).
  'invite.sent': 'გაგზავნილია',
  'invite.deferred_quota': 'გადადებულია: დღიური ლიმიტი ამოიწურა, გაიგზავნება ხვალ',
  'invite.queued': 'გაგზავნის რიგშია: გაიგზავნება შემდეგი გაშვებისას',
  'invite.waiting_batch': 'გაიგზავნება დღის მოწვევებთან ერთად, {hour}:00-ზე',
  'invite.waiting_group': 'ელოდება ამ სერვისის სხვა მოწვევებსაც (სულ მცირე {min}), ან {days} დღეს — ანონიმურობისთვის',
  'invite.not_applicable_desk': 'არ ეხება: კანცელარიაში შემოსულ განცხადებას N1 ფორმა ადგილზე ეთავაზება',
  'invite.failed_retrying': 'ვერ გაიგზავნა: {reason} — ხელახლა ვცდით',
  'invite.failed_final': 'ვერ გაიგზავნა {attempts} მცდელობის შემდეგ: {reason} — შეამოწმეთ მისამართი',
  'invite.mail_refused': 'Google-მა წერილი არ მიიღო ({message})',
  'invite.unknown':
    'გაგზავნის შედეგი უცნობია: გაგზავნისას შესრულება შეწყდა და ვერ დადგინდა, წავიდა თუ არა წერილი; განმეორებით არ იგზავნება, რომ განმცხადებელმა ორჯერ არ მიიღოს',
  'invite.skipped_no_email': 'არ გაიგზავნა: ელფოსტა მითითებული არ არის',
  'invite.skipped_invalid_email': 'არ გაიგზავნა: ელფოსტის მისამართი არასწორია ან რამდენიმე მისამართია — შეასწორეთ ველი',
  'invite.skipped_opted_out': 'არ გაიგზავნა: ამ სერვისისთვის მოწვევა გამორთულია',
  'invite.no_case_id': 'არ გაიგზავნა: განცხადების ნომერი მითითებული არ არის',
  'invite.duplicate_case_id': 'არ გაიგზავნა: განცხადების ეს ნომერი ზემოთ სხვა სტრიქონშიც არის — ერთ განცხადებაზე მოწვევა ერთხელ იგზავნება',
  'invite.no_form': 'არ გაიგზავნა: N2 ფორმა ჯერ არ არის შექმნილი — გაუშვით „სისტემის მომზადება / განახლება“',
  'invite.sent_unknown_service': 'გაგზავნილია ზოგადი ბმულით: სერვისი „{value}“ ვერ ამოვიცანით',
  'invite.no_service_link': 'გაგზავნილია ზოგადი ბმულით: სერვისს N2 ბმული არ აქვს — გაუშვით „სისტემის მომზადება / განახლება“',
  // What the menu item says.
  'invite.queued_for_owner':
    'თქვენი ანგარიშიდან ({me}) მოწვევები არ იგზავნება: ისინი მხოლოდ სისტემის მფლობელის, {owner}-ის, ფოსტიდან და დღიური ლიმიტიდან იგზავნება. მოთხოვნა რიგშია: დღის მოწვევებს ერთად გაგზავნის მფლობელის ანგარიშის საათობრივი გაშვება, {hour}:00-დან; თუ დღის გაგზავნა უკვე შესრულდა, ახლა დახურული საქმეების მოწვევები ხვალ წავა. ანონიმურობისთვის ზოგი მოწვევა ელოდება თავისი სერვისის სხვა მოწვევებსაც. თითოეულის მდგომარეობა ჩანს ჩანართის „{tab}“ სვეტში „{column}“.',
  'invite.busy': 'მოწვევებს ამ წუთას სხვა პროცესი აგზავნის. სცადეთ ერთ წუთში ხელახლა.',
  'invite.summary_sent': 'გაიგზავნა: {count}',
  'invite.summary_held': 'ელოდება დღის ერთობლივ გაგზავნას (ანონიმურობისთვის): {count}',
  'invite.summary_deferred': 'გადაიდო (დღიური ლიმიტი): {count}',
  'invite.summary_problems': 'პრობლემური სტრიქონები: {count}',
  'invite.summary_where': 'პრობლემის მიზეზი ჩანს „{tab}“ ჩანართის სვეტში „{column}“.',
  'invite.summary_unknown': 'შედეგი უცნობია (გაგზავნა შეწყდა; განმეორებით არ იგზავნება): {count}',
  'invite.summary_more': 'ყველა მოწვევა ჯერ არ გაიგზავნა; დანარჩენი ავტომატურად გაიგზავნება მომდევნო საათობრივი გაშვებისას.',

  // The invitations log: a case's state, and its notes.
  'log.sending': 'იგზავნება',
  'log.unknown': 'შედეგი უცნობია',
  'log.failed': 'ვერ გაიგზავნა',
  'log.deferred': 'გადადებულია',
  'log.queued': 'რიგშია',
  'log.skipped': 'არ გაიგზავნა',
  /** Followed by the count and the reason: "მცდელობა 2: …". */
  'log.attempt': 'მცდელობა',
  'log.mail_refused': 'Google-მა წერილი არ მიიღო',
  'log.invalid_email': 'ელფოსტის მისამართი არასწორია',
  'log.interrupted': 'შესრულება გაგზავნისას შეწყდა; შედეგი ვერ დადგინდა',
  'log.renumbered': 'განცხადების ნომერი შეიცვალა: ჩანაწერი გადავიდა ნომერზე {caseId}',

  // Every scale question's help online (screen readers do not read a scale's end labels).
  'form.scale_help': 'აირჩიეთ ერთი ციფრი 1-დან 5-მდე: {legend}.',
  // The paper form's assurance, under the annex intro.
  // The forms: what the online N1 says instead of the annex's "drop it in the box", and the paper's assurance.
  'form.n1_online_intro':
    'თქვენი აზრი გვეხმარება სერვისების გაუმჯობესებაში. ფორმა ანონიმურია: ნუ მიუთითებთ სახელს, პირად ნომერს ან საკონტაქტო მონაცემებს. პასუხი „გაგზავნის“ ღილაკით იგზავნება; მისი შევსება არანაირ გავლენას არ ახდენს თქვენს განცხადებაზე.',
  'form.n2_online_intro':
    'თქვენი განცხადების განხილვა დასრულდა. გთხოვთ, შეაფასოთ მომსახურება — ეს 2 წუთს დაგჭირდებათ. ფორმა ანონიმურია: პასუხი ინახება თქვენი სახელის, ელფოსტისა და განცხადების ნომრის გარეშე, და არანაირ გავლენას არ ახდენს თქვენს განცხადებაზე.',
  'form.paper_no_effect': 'ფორმის შევსება ნებაყოფლობითია და არანაირ გავლენას არ ახდენს თქვენი განცხადების განხილვაზე.',

  // The N2 invitation mail.
  'mail.greeting': 'გამარჯობა,',
  'mail.thanks': 'მადლობა,',
  'invitation.subject': '{municipality}: შეაფასეთ მიღებული მომსახურება (2 წუთი)',
  'invitation.from': '{municipality} გწერთ: {done}',
  'invitation.done': 'თქვენი განცხადების განხილვა დასრულდა.',
  'invitation.done_service': 'თქვენი განცხადების განხილვა დასრულდა (სერვისი: „{service}“).',
  'invitation.why':
    'გვსურს, ჩვენი მომსახურება უკეთესი გავხადოთ, ამიტომ გთხოვთ, შეაფასოთ, როგორ მოგემსახურეთ. თქვენი აზრი გვეხმარება სერვისების გაუმჯობესებაში.',
  'invitation.time': 'კითხვარის შევსებას მხოლოდ 2 წუთი დასჭირდება.',
  'invitation.anonymity':
    'კითხვარი ანონიმურია: ის არ ითხოვს სახელს, პირად ნომერს ან საკონტაქტო მონაცემებს, ბმული ამ სერვისის ყველა მომხმარებლისთვის ერთნაირია და პასუხი ინახება თქვენი სახელის, ელფოსტისა და განცხადების ნომრის გარეშე. მოწვევებს დღეში ერთხელ ვაგზავნით, შესაძლებლობისამებრ ამავე სერვისის სხვა მომხმარებლებთან ერთად, რომ პასუხი მისი დროით არ დაუკავშირდეს განცხადებას.',
  'invitation.applied_on': 'თქვენი განცხადება შემოსულია {date}-ს.',
  'invitation.published': 'შეფასებების შეჯამებულ შედეგებს პერიოდულად ვაქვეყნებთ მერიის ვებგვერდზე; თქვენი ცალკეული პასუხი არსად ქვეყნდება.',
  'invitation.contact': 'შეკითხვის შემთხვევაში დაგვირეკეთ: {phone}.',
  'invitation.voluntary': 'მონაწილეობა ნებაყოფლობითია და არანაირ გავლენას არ ახდენს თქვენს განცხადებაზე ან მომავალ მომსახურებაზე.',
  'invitation.link': 'კითხვარის ბმული:',
  'invitation.button': 'კითხვარის გახსნა',
  'invitation.fallback': 'თუ ღილაკი არ იხსნება, გადადით ბმულზე: {link}',

  // The managers' notice of a scheduled analysis report.
  'notice.subject': 'ანალიტიკური ანგარიში — {period}',
  'notice.ready': 'უკუკავშირის ანალიტიკური ანგარიში პერიოდისთვის „{period}“ მომზადდა ({municipality}).',
  'notice.internal': 'ანგარიში შიდა გამოყენებისთვისაა: მასში ციტირებულია მომხმარებელთა კომენტარები.',
  'notice.open': 'ანგარიშის გახსნა — {period}',

  // The period dialog of the three documents.
  'period.help': 'მაგალითად: 2026 წლის I კვარტალი (ან 2026-Q1), 2026 წლის მარტი (ან 2026-03), 2026 წელი ან 01.01.2026..31.03.2026 (თარიღებით).',
  'period.empty': 'პერიოდი არ არის მითითებული.',
  'period.not_started': 'პერიოდი „{period}“ ჯერ არ დაწყებულა.',
  'period.bad_year': 'წელი {year} არ არის დასაშვები.',
  'period.bad_month': 'თვე {month} არ არსებობს.',
  'period.bad_date': '„{value}“ არ არის სწორი თარიღი.',
  'period.reversed': 'პერიოდის დასაწყისი მის დასასრულზე გვიანაა.',
  'period.unreadable': '„{value}“ — პერიოდი ვერ წავიკითხე.',

  // The analysis report.
  'report.dialog': 'ანალიტიკური ანგარიში',
  'report.question': 'რომელი პერიოდის ანგარიში მოვამზადო?',
  'report.cancelled': 'ანგარიშის მომზადება გაუქმდა.',
  'report.not_built': 'ანგარიში არ მომზადდა. {error}',
  'report.created': 'ანალიტიკური ანგარიში ({period}) მომზადდა.',
  'report.updated': 'ანალიტიკური ანგარიში ({period}) განახლდა.',
  // The hidden ledger of every group figure output (adapters/disclosure-ledger.ts).
  'tab.disclosure_ledger': 'გამოტანილი მაჩვენებლები',
  'col.ledger_group': 'ჯგუფი',
  'col.ledger_from': 'პირველი დღე (№)',
  'col.ledger_to': 'ბოლო დღის შემდეგ (№)',
  'col.ledger_people': 'ადამიანი',
  'col.ledger_output': 'გამოტანა',
  // A period whose every figure earlier outputs would let be subtracted down to a small group.
  'disclosure.withheld':
    '{count} მაჩვენებელი არ გამოჩნდება: ადრე გამოტანილ ანგარიშებთან ერთად (შეკრებით ან გამოკლებით) ის {min}-ზე ნაკლები ადამიანის პასუხს გაამჟღავნებდა.',

  // The meeting agenda.
  'agenda.question': 'რომელი პერიოდის შედეგები განვიხილოთ?',
  'agenda.cancelled': 'დღის წესრიგის მომზადება გაუქმდა.',
  'agenda.not_built': 'დღის წესრიგი არ მომზადდა. {error}',
  'agenda.ready': 'დღის წესრიგი მზადაა ({period}): {url}',
  'agenda.overdue': 'ვადაგადაცილებული ღონისძიებები: {count} (მონიშნულია ჩანართში „{tab}“).',
  'agenda.record_decisions': 'შეხვედრის გადაწყვეტილებები შეიტანეთ ჩანართში „{tab}“.',

  // The public report.
  'publish.question': 'რომელი პერიოდის ანგარიში გამოვაქვეყნო?',
  'publish.cancelled': 'გამოქვეყნება გაუქმდა.',
  'publish.not_published': 'საჯარო ანგარიში არ გამოქვეყნდა. {error}',
  'publish.done': 'საჯარო ანგარიში გამოქვეყნდა ({period}).',
  'publish.pdf': 'PDF (ხედვა ბმულით): {url}',
  'publish.pdf_private': 'PDF (ჯერ მხოლოდ ორგანიზაციის შიგნით): {url}',
  'publish.not_shared':
    'ყურადღება: ფაილები ბმულით საჯაროდ ვერ გაზიარდა — Google Workspace-ის ადმინისტრატორი კრძალავს გაზიარებას ორგანიზაციის გარეთ, ' +
    'ამიტომ მოქალაქეები ამ ბმულებს ვერ გახსნიან. გამოაქვეყნეთ ხელით:\n' +
    '1. ჩამოტვირთეთ PDF და ატვირთეთ მუნიციპალიტეტის ვებგვერდზე.\n' +
    '2. HTML ფრაგმენტი (იმავე საქაღალდეშია) ჩასვით ვებგვერდზე და მასში PDF-ის ბმული შეცვალეთ ატვირთული ფაილის ბმულით.\n' +
    '3. პოსტის ტექსტშიც (იმავე საქაღალდეშია) ბმული შეცვალეთ ამავე ბმულით და გამოაქვეყნეთ.\n' +
    'ან სთხოვეთ ადმინისტრატორს, დაუშვას „ნებისმიერი, ვისაც აქვს ბმული“ გაზიარება, და გამოაქვეყნეთ ხელახლა.',
  'national.title': 'მუნიციპალიტეტების შედარება — {period}',
  'national.intro':
    'ანგარიში აგებულია {count} მუნიციპალიტეტის მიერ გამოქვეყნებულ აგრეგირებულ მაჩვენებლებზე: არც ერთი ჩანაწერი, კომენტარი ან პირადი მონაცემი აქ არ შემოსულა. მუნიციპალიტეტი, რომელსაც {min}-ზე ნაკლები რესპონდენტი ჰყავს, ნაჩვენებია, მაგრამ არ შედარდება.',
  'national.how_to_read':
    'ძაბრისებრი დიაგრამა (funnel plot): ჰორიზონტალურად — რესპონდენტების რაოდენობა, ვერტიკალურად — კმაყოფილთა წილი (4–5 ქულა). შავი ხაზი — ეროვნული მაჩვენებელი; ლურჯი მრუდები — 95%-იანი, წითელი — 99,8%-იანი საკონტროლო ზღვრები. მცირე მუნიციპალიტეტის წილი შემთხვევითაც მეტად მერყეობს, ამიტომ ზღვრები მარცხნივ ფართოვდება. წერტილი ზღვრებს შიგნით ეროვნული მაჩვენებლისგან განურჩეველია.',
  'national.not_a_ranking': 'ეს არ არის რეიტინგი: მუნიციპალიტეტები ანბანური რიგითაა დალაგებული და ნომერი მხოლოდ დიაგრამაზე წერტილის საპოვნელადაა.',
  'national.municipalities': 'მონაწილე მუნიციპალიტეტები',
  'national.problems': 'ფაილები, რომლებიც ვერ წავიკითხე',
  'national.no_figures': 'ამ მაჩვენებელს არც ერთი მუნიციპალიტეტი არ აქვეყნებს (ძალიან ცოტა რესპონდენტი).',
  'national.figure': 'ეროვნული მაჩვენებელი: {share} ({respondents} რესპონდენტი).',
  'national.chart_title': '{indicator}: კმაყოფილთა წილი რესპონდენტების რაოდენობის მიხედვით',
  'national.col.number': '№ დიაგრამაზე',
  'national.col.municipality': 'მუნიციპალიტეტი',
  'national.col.respondents': 'რესპონდენტები',
  'national.col.share': 'კმაყოფილთა წილი',
  'national.col.comparison': 'ეროვნულ მაჩვენებელთან შედარება',
  'national.verdict.too_few': 'ძალიან ცოტა რესპონდენტი შესადარებლად',
  'national.verdict.within': 'ეროვნული მაჩვენებლისგან განურჩეველია',
  'national.verdict.above_95': 'ეროვნულზე მაღალია 95%-იანი ზღვრის მიღმა (99,8%-იანის შიგნით: შეიძლება შემთხვევითი იყოს)',
  'national.verdict.below_95': 'ეროვნულზე დაბალია 95%-იანი ზღვრის მიღმა (99,8%-იანის შიგნით: შეიძლება შემთხვევითი იყოს)',
  'national.verdict.above_998': 'ეროვნულზე მაღალია 99,8%-იანი ზღვრის მიღმაც',
  'national.verdict.below_998': 'ეროვნულზე დაბალია 99,8%-იანი ზღვრის მიღმაც',
  'national.hidden': 'ამ მაჩვენებელს არ აქვეყნებს (ცოტა რესპონდენტი ან დამალული): {names}.',
  'national.method': 'მეთოდი',
  'national.method_text':
    'ეროვნული მაჩვენებელი — ყველა გამოქვეყნებული წილის საშუალო, შეწონილი რესპონდენტების რაოდენობით. ზღვრები: ბინომიალური განაწილების ნორმალური მიახლოება, p ± z·√(p(1−p)/n), z = 1,96 (95%) და 3,09 (99,8%); n — რესპონდენტები. 20 განურჩეველი მუნიციპალიტეტიდან დაახლოებით ერთი 95%-იან ზღვარს შემთხვევით გასცდება, ამიტომ მხოლოდ 99,8%-იანის მიღმა მყოფი წერტილი მიუთითებს ნამდვილ განსხვავებაზე. შედარება იწყება {min} რესპონდენტიდან.',
  'national.not_national': 'ეს სამუშაო წიგნი მუნიციპალიტეტისაა. შედარების ანგარიშისთვის პარამეტრებში დააყენეთ mode = national (ასოციაციის სამუშაო წიგნი).',
  'national.question': 'რომელი პერიოდის შედარების ანგარიში მოვამზადო?',
  'national.cancelled': 'შედარების ანგარიში გაუქმდა.',
  'national.not_built': 'შედარების ანგარიში ვერ მომზადდა. {error}',
  'national.sources_created': 'შეიქმნა ჩანართი „{tab}“: ჩაწერეთ თითო სტრიქონზე მუნიციპალიტეტის აგრეგირებული ფაილის ბმული ან ID და გაუშვით ისევ.',
  'national.no_sources': 'ჩანართში „{tab}“ ფაილი არ არის ჩაწერილი.',
  'national.done': 'შედარების ანგარიში მომზადდა ({period}): {used} მუნიციპალიტეტი, {skipped} ფაილი გამოტოვებულია (მიზეზი — ჩანართში „{tab}“). {url}',
  'national.status.ok': 'წაკითხულია: {municipality}, {period}',
  'national.status.unreadable': 'ფაილი ვერ გაიხსნა (ბმული/ID არასწორია ან წვდომა არ არის)',
  'national.status.not_json': 'ფაილი JSON არ არის',
  'national.status.not_aggregates': 'ეს არ არის უკუკავშირის აგრეგირებული ფაილი',
  'national.status.version': 'ფაილის ვერსია {version} უცნობია: მუნიციპალიტეტმა ან ასოციაციამ განაახლოს პროგრამა (npm run push-all)',
  'national.status.other_period': 'სხვა პერიოდის ფაილია ({found}); საჭიროა {wanted}',
  'national.status.not_yet': 'ჯერ არ წაკითხულა (დრო ამოიწურა): გაუშვით ანგარიში ისევ',
  'national.partial':
    'წაკითხულია {read} ფაილი, {left} დარჩა: Google-ის 6-წუთიანი ლიმიტის გამო ანგარიში ჯერ არ მომზადდა. გაუშვით ისევ — წაკითხული ფაილები მეორედ აღარ იკითხება.',
  'national.status.duplicate': 'ეს მუნიციპალიტეტი უკვე წაკითხულია ზემოთ მოცემული ფაილიდან',
  'tab.national_sources': 'მუნიციპალიტეტების ფაილები',
  'col.national_file': 'ფაილის ბმული ან ID',
  'col.national_status': 'სტატუსი',
  'col.national_period': 'ფაილის პერიოდი (სკრიპტის)',
  'file.national_report': 'მუნიციპალიტეტების შედარება — {period}',
  'menu.national_report': 'მუნიციპალიტეტების შედარების ანგარიში (ასოციაცია)',
  'aggregates.question': 'რომელი პერიოდის აგრეგირებული მაჩვენებლები გავიტანო?',
  'aggregates.cancelled': 'ექსპორტი გაუქმდა.',
  'aggregates.not_exported': 'აგრეგირებული მონაცემები არ გავიდა. {error}',
  'aggregates.done':
    'აგრეგირებული მაჩვენებლები გავიდა ({period}): {groups} ჯგუფი, მათგან {suppressed} დამალულია ({min}-ზე ნაკლები რესპონდენტის ან სხვა ანგარიშებთან შედარების გამო). ფაილში არ არის არც ერთი ჩანაწერი ან კომენტარი.',
  'aggregates.file': 'JSON ფაილი (id: {id}) საჯარო საქაღალდეში: {url}',
  'publish.files': 'ვებგვერდის HTML ფრაგმენტი და სოციალური ქსელის პოსტის ტექსტი: {url}',

  // The print material.
  'print.paper': 'ქაღალდის ფორმა',
  // The box: typed against found, per opening.
  'box.matches': 'ემთხვევა: ნაპოვნია და ჩაწერილია {typed}',
  'box.fewer': '⚠ შეუსაბამობა: ნაპოვნია {found}, ჩაწერილია {typed} — აკლია {missing}',
  'box.more': '⚠ შეუსაბამობა: ნაპოვნია {found}, ჩაწერილია {typed} — მეტია {extra} (ორჯერ ჩაწერილი?)',
  'box.found_missing': 'შეავსეთ „ნაპოვნი ფორმები“ (მთელი რიცხვი)',
  'box.summary_ok': 'ყუთის გახსნები: {count}, ყველა ემთხვევა (ნაპოვნი = ჩაწერილი).',
  'box.summary_mismatch': '⚠ ყუთის გახსნა № {batch}: {status}.',
  'box.unknown_batch': '⚠ ჩაწერილია {count} ფორმა გახსნის №-ით „{batch}“, რომელიც ჩანართში „{tab}“ არ არის.',
  // The sample check.
  'sample.title': 'შერჩევითი შემოწმება',
  'sample.ask': 'რომელი ყუთის გახსნის № შევამოწმოთ?',
  'sample.cancelled': 'შემოწმება გაუქმდა.',
  'sample.no_batch': 'გახსნის №-ით „{batch}“ ჩაწერილი ქაღალდის ფორმა არ მოიძებნა.',
  'sample.created':
    'გახსნა № {batch}: ჩაწერილი {total} ფორმიდან შემთხვევით შეირჩა {count} (10%). ჩანართში „{tab}“ მეორე თანამშრომელმა ხელახლა ჩაწეროს მათი პასუხები ქაღალდიდან, პირველ ჩანაწერში ჩაუხედავად; შემდეგ ისევ გაუშვით ეს ბრძანება.',
  'sample.waiting': 'გახსნა № {batch}: ხელახლა ჩაწერილია {typed} ფორმა {count}-დან. დაასრულეთ ჩაწერა და ისევ გაუშვით ეს ბრძანება.',
  'sample.result': 'გახსნა № {batch}: შემოწმდა {count} ფორმა. განსხვავება კითხვების მიხედვით:',
  'sample.question': '• {question}: განსხვავდება {differ} ფორმაზე {compared}-დან ({rate})',
  'sample.row_same': 'ემთხვევა პირველ ჩანაწერს',
  'sample.row_differs': '⚠ განსხვავდება: {questions}',
  'sample.row_waiting': 'ჩაწერეთ ამ ფორმის პასუხები ქაღალდიდან',

  // The paper form's own lines (the questions come from domain/forms.ts).
  'paper.other': 'სხვა',
  'paper.scale_legend': 'შეფასების სკალა: {legend}.',
  'paper.how_to_mark': 'თითო კითხვაზე მონიშნეთ ერთი წრე {mark} (გადახაზეთ ან შემოხაზეთ). * — აუცილებელი კითხვა; დანარჩენი შეგიძლიათ გამოტოვოთ.',
  'paper.return': 'შევსებული ფორმა ჩააგდეთ უკუკავშირის ყუთში (კანცელარიაში) ან გადაეცით კანცელარიის თანამშრომელს. გმადლობთ!',
  'paper.online': 'გირჩევნიათ ონლაინ? დაასკანერეთ QR კოდი ტელეფონით — ფორმა ანონიმურია, შესვლა და ელფოსტა არ არის საჭირო.',
  'print.poster': 'QR პლაკატი',
  'print.no_form': 'ონლაინ ფორმა ჯერ არ არსებობს ({forms}). ჯერ გაუშვით „სისტემის მომზადება / განახლება“.',
  'print.ready': 'ქაღალდის ფორმა და QR პლაკატი მზადაა საქაღალდეში „{folder}“ (Google Drive).',
  'print.how': 'დაბეჭდეთ A4 ფორმატზე: ფაილი ▸ ბეჭდვა.',

  // Drive folders and file names.
  'folder.reports': 'უკუკავშირი — ანალიტიკური ანგარიშები',
  'folder.working': 'უკუკავშირი — სამუშაო დოკუმენტები',
  'folder.public': 'უკუკავშირი — საჯარო ანგარიშები',
  'folder.print': 'უკუკავშირი — საბეჭდი მასალა',
  'file.aggregates': 'აგრეგირებული მაჩვენებლები — {period}.json',
  'file.public_report': 'საჯარო ანგარიში — {period}',
  'file.web_fragment': '{name} — ვებგვერდისთვის.html',
  'file.post': '{name} — პოსტი.txt',
  'file.paper_form': '{form} — ქაღალდის ფორმა (A4, დასაბეჭდი)',
  'file.poster': '{form} — QR პლაკატი (A4)',

  // Tabs of the workbook.
  'tab.settings': 'პარამეტრები',
  'tab.services': 'სერვისები',
  'tab.applications': 'განცხადებები',
  'tab.feedback': 'უკუკავშირი',
  'tab.paper': 'ქაღალდის ფორმები',
  'tab.box': 'ყუთის გახსნები',
  'tab.paper_check': 'ქაღალდის ფორმების შემოწმება',
  'tab.other_channels': 'სხვა არხები',
  'tab.actions': 'ღონისძიებები',
  'tab.themes': 'თემები',
  'tab.invitations': 'მოწვევები',
  'tab.responses': '{form} — პასუხები',
  'tab.responses_old': '{name} (ძველი {id})',
  'tab.self_check': 'სისტემის შემოწმება',
  'tab.job_problems': 'ავტომატური სამუშაოების შეცდომები',

  // The line a failed hourly or daily job leaves (one per job, gone when the job next succeeds).
  'job.hourlySweep.services': 'საათობრივი: სერვისების სინქრონიზაცია',
  'job.hourlySweep.invitations': 'საათობრივი: მოწვევების გაგზავნა',
  'job.hourlySweep.collect': 'საათობრივი: პასუხების შეგროვება',
  'job.dailyJobs.clearExpiredEmails': 'დღიური: ვადაგასული ელფოსტების წაშლა',
  'job.dailyJobs.scheduledReport': 'დღიური: ანალიტიკური ანგარიში და ხელმძღვანელების შეტყობინება',
  'job.dailyJobs.highlightOverdueActions': 'დღიური: ვადაგადაცილებული ღონისძიებების მონიშვნა',
  'job.col_job': 'სამუშაო',
  'job.col_when': 'ბოლო შეცდომა',
  'job.col_count': 'რამდენჯერ',
  'job.col_what': 'რა მოხდა',
  'job.col_todo': 'რა გავაკეთოთ',
  'job.failed': 'ვერ დასრულდა: {reason}',
  'job.todo_quota': 'ელფოსტის დღიური ლიმიტი ამოიწურა: შეამცირეთ ხელმძღვანელების რაოდენობა (პარამეტრები) ან დაელოდეთ ხვალამდე — სამუშაო ავტომატურად გამეორდება.',
  'job.todo_permission': 'წვდომა არ არის: გაუშვით „სისტემის მომზადება / განახლება“ ცხრილის მფლობელის ანგარიშით.',
  'job.todo_other': 'სამუშაო ავტომატურად გამეორდება; თუ შეცდომა განმეორდება, მიმართეთ IT სამსახურს (დეტალები: Apps Script ▸ შესრულებები / Executions).',
  'check.job_problem': 'ავტომატური სამუშაო — {job}',
  'check.job_problem_found': '{when}: {what} ({count}-ჯერ ზედიზედ)',

  // Column headers; those several tabs share come first.
  'col.case_id': 'განცხადების №',
  'col.service': 'სერვისი',
  'col.status': 'სტატუსი',
  'col.received_at': 'მიღების თარიღი',
  'col.batch': 'ყუთის გახსნის №',
  'col.opened_at': 'გახსნის თარიღი',
  'col.opened_by': 'ვინ გახსნა',
  'col.found': 'ნაპოვნი ფორმები',
  'col.typed': 'ჩაწერილი ფორმები',
  'col.box_check': 'შემოწმება',
  'col.paper_row': 'სტრიქონი ჩანართში „ქაღალდის ფორმები“',
  'col.feedback_id': 'ჩანაწერის ID',
  'col.fingerprint': 'შიგთავსის ანაბეჭდი',
  'col.theme': 'თემა',
  'col.setting_key': 'გასაღები',
  'col.setting_value': 'მნიშვნელობა',
  'col.setting_description': 'აღწერა',
  'col.service_code': 'კოდი',
  'col.service_name': 'სერვისი / ქვეპროგრამა',
  'col.service_invite': 'მოწვევის გაგზავნა',
  'col.service_link': 'N2 ფორმის ბმული',
  'col.submitted_at': 'წარდგენის თარიღი',
  'col.applicant': 'განმცხადებელი',
  'col.email': 'ელფოსტა',
  'col.apply_channel': 'მიმართვის გზა',
  'col.closed_at': 'დასრულების თარიღი',
  'col.invite_status': 'მოწვევის სტატუსი',
  'col.invite_at': 'მოწვევის დრო',
  'col.log_at': 'დრო',
  'col.log_note': 'შენიშვნა',
  'col.channel': 'არხი',
  'col.text': 'უკუკავშირის შინაარსი',
  'col.theme_id': 'თემის კოდი',
  'col.keywords': 'საკვანძო სიტყვები / ფუძეები (მძიმით)',
  'col.problem': 'პრობლემა',
  'col.decision': 'გადაწყვეტილება',
  'col.owner': 'პასუხისმგებელი',
  'col.due': 'ვადა',
  'col.meeting_date': 'შეხვედრის თარიღი',
  'col.public_wording': 'საჯარო ფორმულირება',
  'col.check': 'რა შემოწმდა',
  'col.check_found': 'რა აღმოჩნდა',
  'col.check_todo': 'რა უნდა გაკეთდეს',

  // Dropdown values staff pick: a case's status, how the applicant applied, an action's status.
  'status.received': 'მიღებულია',
  'status.in_review': 'განხილვაშია',
  'status.closed': 'დასრულებულია',
  'apply.office': 'კანცელარია',
  'apply.email': 'ელფოსტა',
  'action.planned': 'დაგეგმილია',
  'action.in_progress': 'მიმდინარეობს',
  'action.done': 'შესრულებულია',

  // Channels (ids of types.ts): the other-channels dropdown and the reports.
  'channel.paper': 'ქაღალდის ფორმა',
  'channel.kiosk': 'ონლაინ (QR)',
  'channel.email_link': 'ელფოსტის ბმული',
  'channel.phone': 'ტელეფონი',
  'channel.social': 'სოციალური ქსელი',
  'channel.website': 'ვებგვერდი',
  'channel.letter': 'წერილი',
  'channel.other': 'სხვა',

  // Polarity of a free text (../shared/themes.md): the feedback tab's polarity columns.
  'polarity.problem': 'პრობლემა',
  'polarity.praise': 'შექება',
  'polarity.suggestion': 'შეთავაზება',
  'polarity.none': 'ნეიტრალური',

  // Free texts by theme in the agenda and the public report (../shared/themes.md, "Where they show").
  'themes.problems_heading': 'პრობლემები თემების მიხედვით (ყველა არხი)',
  'themes.texts': 'ტექსტები',
  'themes.examples': 'კომენტარების მაგალითები',
  'themes.uncategorised': 'უკატეგორიო',
  'themes.praise_line': 'რა მოეწონათ: {themes}',
  'themes.public_problems': 'ყველაზე ხშირად გვწერდით პრობლემაზე, რომელიც ეხებოდა: {themes}',
  'themes.public_praise': 'ყველაზე ხშირად შეგვაქეთ: {themes}',

  // The settings tab: each setting's description, and the defaults that are words.
  'setting.municipality': 'მუნიციპალიტეტის / მერიის სახელი (ჩანს წერილებსა და ანგარიშებში)',
  'setting.municipality_default': 'ამბროლაურის მუნიციპალიტეტის მერია',
  'setting.sender_name': 'გამგზავნის სახელი მოწვევის წერილში',
  'setting.sender_name_default': 'ამბროლაურის მერია',
  'setting.reply_to': 'საპასუხო ელფოსტა (reply-to); ცარიელი — არ მიეთითება',
  'setting.managers': 'ხელმძღვანელების ელფოსტები ანგარიშის შეტყობინებისთვის (მძიმით)',
  'setting.min_group_size': 'ჯგუფის მინიმალური ზომა: უფრო მცირე ჯგუფის მაჩვენებელი არ ქვეყნდება',
  'setting.mail_quota':
    'დღეში გასაგზავნი მოწვევების ზღვარი; დანარჩენი გადაიდება მეორე დღისთვის. Google-ის დღიურ კვოტაზე (100, Workspace-ში 1500) მეტი მაინც ვერ გაიგზავნება',
  'setting.email_retention': 'რამდენი დღის შემდეგ წაიშალოს განმცხადებლის ელფოსტა დასრულებული, მოწვეული განცხადებიდან',
  'setting.report_period': 'ავტომატური ანალიტიკური ანგარიშის პერიოდი: კვარტალური ან თვიური',
  'setting.language': 'ანგარიშის ენა: ქართული ან ინგლისური',
  'setting.quarterly': 'კვარტალური',
  'setting.monthly': 'თვიური',
  'setting.language_ka': 'ქართული',
  'setting.language_en': 'ინგლისური',
  'setting.mode': 'რეჟიმი: მუნიციპალური (მუნიციპალიტეტის სამუშაო წიგნი) ან ეროვნული (ასოციაციის: მუნიციპალიტეტების შედარება)',
  'setting.mode_municipal': 'მუნიციპალური',
  'setting.mode_national': 'ეროვნული',
  'setting.invite_hour': 'N2 მოწვევები იგზავნება დღეში ერთხელ, ერთად, ამ საათზე (0–23, თბილისის დროით) — ასე პასუხს დროით ვერ დაუკავშირებთ განცხადებას',
  'setting.invite_batch_min': 'ერთი სერვისის მოწვევები ელოდება, სანამ ამდენი არ დაგროვდება (ან სანამ ქვემოთ მითითებული დღეები არ გავა)',
  'setting.invite_max_hold': 'მოწვევა ამდენ დღეზე მეტს არ ელოდება: შემდეგ იგზავნება, რამდენიც არ უნდა დაგროვდეს',
  'setting.invite_desk_cases':
    'N2 გაეგზავნოს კანცელარიაში შემოსულ განცხადებებსაც, თუ ელფოსტა დატოვეს: yes ან no (წესით N2 მხოლოდ ელფოსტით შემოსულ განცხადებებს ეგზავნება)',
  'setting.contact_phone': 'საკონტაქტო ტელეფონი, რომელიც მოწვევის წერილში ეწერება კითხვებისთვის',

  // A form's service list before any service exists: the respondent can still say "other".
  'form.no_services': 'სხვა',
  // Under each free-text question of an online form, and when an answer is longer than that.
  'form.answer_limit': 'არაუმეტეს {limit} სიმბოლო.',
  'form.answer_too_long': 'პასუხი {limit} სიმბოლოზე გრძელია. გთხოვთ, შეამოკლოთ.',

  // The assisted phone survey (issue 17, item 3): its tabs, the call list, the settings.
  'tab.phone_interviews': 'სატელეფონო გამოკითხვა — პასუხები',
  'tab.phone_calls': 'სატელეფონო გამოკითხვა — ზარები',
  'note.phone_interviews':
    'კოორდინატორი ტელეფონით უკითხავს N2 ფორმას და პასუხებს აქ წერს, თითო ინტერვიუ — თითო სტრიქონი. აქ არ იწერება არც საქმის ნომერი, არც სახელი, არც ტელეფონი: პასუხი ანონიმურია, როგორც ყველა სხვა.',
  'note.phone_calls':
    'თვის სიიდან თითო ზარი — თითო სტრიქონი (ნომერი სიაში). ვინ არის ამ ნომრით, მხოლოდ კოორდინატორის სიაშია (Drive, „უკუკავშირი — კოორდინატორი“). შედეგი აირჩიეთ: როცა ყველა სტრიქონს საბოლოო შედეგი აქვს, სიის პერსონალური მონაცემები იშლება.',
  'col.interview_date': 'გამოკითხვის თარიღი',
  'col.call_month': 'თვე (შემთხვევები)',
  'col.call_number': 'ნომერი სიაში',
  'col.call_drawn_at': 'სია შედგა',
  'col.call_outcome': 'შედეგი',
  'call_outcome.called': 'დაირეკა, ხელახლა დასარეკი',
  'call_outcome.answered': 'გამოიკითხა',
  'call_outcome.refused': 'უარი თქვა',
  'call_outcome.unreachable': 'ვერ დავუკავშირდით',
  'file.phone_calls': 'სატელეფონო გამოკითხვის სია {month}.csv',
  'setting.phone_survey':
    'სატელეფონო გამოკითხვა: yes ან no. yes — ყოველთვე წინა თვის დასრულებული კანცელარიის საქმეებიდან შემთხვევითი შერჩევა კოორდინატორის სიაში, N2 ტელეფონით',
  'setting.phone_survey_sample': 'სატელეფონო გამოკითხვის შერჩევის ზომა თვეში (არანაკლებ ჯგუფის მინიმალური ზომისა)',
  'col.invite_channel': 'არხი',
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The message with each {name} replaced by params[name]; an unknown {name} stays visible. */
export function t(id: MessageId, params: Record<string, string | number> = {}): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
