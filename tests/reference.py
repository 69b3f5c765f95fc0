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
