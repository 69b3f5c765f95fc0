"""The reference article (../shared/seed/000_6700a108fc43cdf5.txt) as data."""

SECTION_NAME = "Russia"
SECTION_DESCRIPTION = (
    "The latest news and stories from Russia. Stay tuned for updates and breaking "
    "news on defense, politics, economy and more."
)
TITLE = "NATO head, Russia's Ivanov to discuss resuming ties Feb. 6"
LEAD = (
    "NATO's secretary general and a Russian deputy prime minister will meet on "
    "February 6 to discuss resuming cooperation frozen after the Georgia-South "
    "Ossetia conflict, Russia's envoy to the military alliance said on Monday."
)
DATELINE = "BRUSSELS, January 26 (RIA Novosti) - "
PARAGRAPHS = [
    LEAD,
    "Jaap de Hoop Scheffer and Sergei Ivanov will meet on the sidelines of the "
    "Munich security conference, at which Ivanov will head the Russian delegation, "
    "Dmitry Rogozin said.",
    '"During the meeting, new steps toward restoring cooperation will be '
    'discussed," he said.',
    "Rogozin resumed informal talks earlier on Monday with NATO ambassadors in "
    "Brussels.",
    'He said it was "a tough and very frank but at the same time diplomatic exchange."',
    'He reiterated Moscow\'s opposition to the "bloc-related" approach that NATO '
    "had demonstrated in contacts with Russia, but added that the military "
    "alliance was gradually moving away from this stance.",
    "Relations between NATO and Russia sank to their lowest since the end of the "
    "Cold War after Moscow and Tbilisi fought a brief military conflict over "
    "Georgia's breakaway republic of South Ossetia.",
    "Two weeks after the end of hostilities Russia recognized South Ossetia and "
    "Abkhazia, another breakaway province, as independent states. NATO called "
    "Russia's military response to Georgia's attack on South Ossetia "
    '"disproportionate" and condemned Moscow\'s decision to recognize the former '
    "Georgian republics.",
    "In response to NATO's decision to halt cooperation, Russia put on hold a "
    "number of programs, including the Partnership for Peace program, a high-level "
    "visit to Moscow, some joint naval drills and NATO visits to Russian ports.",
    "However Russia continued its work with NATO on arms control, cooperation in "
    "airspace, and the war in Afghanistan.",
    "NATO foreign ministers agreed in early December at a meeting in Brussels to "
    "gradually restore contacts with Moscow.",
]


# The Russian edition's translation of the reference article.
RU_SLUG = "gensek-nato-i-sergej-ivanov-obsudyat-vozobnovlenie-otnoshenij"
RU_TITLE = "Генсек НАТО и Сергей Иванов обсудят возобновление отношений 6 февраля"
RU_DATELINE_PLACE = "Брюссель"
RU_SOURCE_CREDIT = "РИА Новости"
RU_LEAD = (
    "Генеральный секретарь НАТО и вице-премьер России встретятся 6 февраля, "
    "чтобы обсудить возобновление сотрудничества, замороженного после "
    "грузино-южноосетинского конфликта, сообщил в понедельник постпред России "
    "при альянсе."
)
RU_PARAGRAPHS = [
    RU_LEAD,
    "Яап де Хооп Схеффер и Сергей Иванов встретятся в кулуарах Мюнхенской "
    "конференции по безопасности, где Иванов возглавит российскую "
    "делегацию, сказал Дмитрий Рогозин.",
    "«В ходе встречи будут обсуждаться новые шаги по восстановлению "
    "сотрудничества», — сказал он.",
    "Ранее в понедельник Рогозин возобновил в Брюсселе неформальные "
    "переговоры с послами стран НАТО.",
    "По его словам, это был «жесткий и очень откровенный, но в то же время "
    "дипломатичный обмен мнениями».",
    "Он вновь заявил, что Москва не приемлет «блокового» подхода, который "
    "НАТО демонстрировало в контактах с Россией, но добавил, что альянс "
    "постепенно отходит от этой позиции.",
    "Отношения России и НАТО опустились до самого низкого уровня со времен "
    "холодной войны после того, как Москва и Тбилиси провели короткий "
    "военный конфликт из-за отколовшейся от Грузии Южной Осетии.",
    "Через две недели после окончания боевых действий Россия признала "
    "Южную Осетию и Абхазию, еще одну отколовшуюся провинцию, независимыми "
    "государствами. НАТО назвало военный ответ России на нападение Грузии "
    "на Южную Осетию «непропорциональным» и осудило решение Москвы "
    "признать бывшие грузинские республики.",
    "В ответ на решение НАТО приостановить сотрудничество Россия заморозила "
    "ряд программ, в том числе программу «Партнерство ради мира», визит "
    "высокого уровня в Москву, некоторые совместные военно-морские учения "
    "и заходы кораблей НАТО в российские порты.",
    "Однако Россия продолжила работу с НАТО по контролю над вооружениями, "
    "сотрудничеству в воздушном пространстве и по Афганистану.",
    "Министры иностранных дел стран НАТО договорились в начале декабря на "
    "встрече в Брюсселе постепенно восстанавливать контакты с Москвой.",
]
