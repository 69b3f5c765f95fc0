"""World stories: protests, Gaza, the Obama administration, diplomacy."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "Thousands protest in {place} over handling of economic crisis",
            "Police detain {m} after anti-government rally in {place}",
        ],
        "lead": "Several thousand people rallied in {place} on {day} to protest "
        "against the government's handling of the economic crisis, and police "
        "detained {m} people after scuffles broke out near parliament.",
        "body": [
            "Organizers put the turnout at {n},000, though police said the crowd "
            "was smaller. Most protesters dispersed peacefully, but a group of "
            "young men threw stones and bottles at police lines.",
            "Opposition parties have called for early elections, accusing the "
            "government of failing to protect jobs and savings as {country}'s "
            "economy slides into recession.",
            "The prime minister appealed for calm and said the government would "
            "present a revised budget to parliament in the coming weeks.",
            "Several European countries have seen unrest in recent weeks as the "
            "downturn drives up unemployment and forces governments to cut "
            "spending.",
        ],
        "words": {
            "country,place": [("Latvia", "Riga"), ("Lithuania", "Vilnius"),
                              ("Bulgaria", "Sofia"), ("Iceland", "Reykjavik"),
                              ("Greece", "Athens"), ("Hungary", "Budapest")],
        },
        "numbers": {"n": (3, 15), "m": (12, 60)},
        "tags": ["protests", "financial crisis", "Europe"],
        "caption": "Protesters outside parliament in {place}.",
    },
    {
        "titles": [
            "{who} urge end to violence in Gaza, call for aid access",
            "Aid agencies warn of medical shortages in Gaza",
        ],
        "lead": "{who} called on {day} for an end to violence in the Gaza Strip "
        "and for border crossings to be opened to humanitarian aid.",
        "body": [
            "Aid agencies say hospitals in Gaza are struggling to cope with the "
            "number of wounded and are short of fuel, medicines and spare parts "
            "for generators.",
            "Diplomats said talks were focusing on ways to stop weapons smuggling "
            "into Gaza and to reopen the crossings under international "
            "monitoring.",
            "The Middle East Quartet of Russia, the United States, the European "
            "Union and the United Nations has urged both sides to respect "
            "international humanitarian law.",
        ],
        "words": {
            "who,place": [("Egyptian mediators", "Cairo"),
                          ("Turkish officials", "Ankara"),
                          ("UN humanitarian officials", "Geneva"),
                          ("Russian diplomats", "Moscow"),
                          ("European Union foreign ministers", "Brussels")],
        },
        "tags": ["Middle East", "Gaza"],
        "caption": "A humanitarian aid convoy.",
    },
    {
        "titles": [
            "{country} hopes for fresh start with Obama administration",
            "{country} looks to Obama for new approach on climate and trade",
        ],
        "lead": "{country}'s government said on {day} it hoped Barack Obama's "
        "administration would work more closely with other countries on the "
        "financial crisis, climate change and arms control.",
        "body": [
            "Obama has promised to restore America's standing abroad, close the "
            "Guantanamo Bay detention camp and set a timetable for withdrawing "
            "U.S. troops from Iraq.",
            "Officials in {place} said they expected early contacts with the new "
            "U.S. secretary of state and a resumption of high-level dialogue.",
            "Analysts cautioned that the global slump would leave the new "
            "administration little room for ambitious initiatives in its first "
            "months.",
            "Russia has also said it is ready to work with the new administration, "
            "in particular on a successor to the START I strategic arms treaty, "
            "which expires in December.",
        ],
        "words": {
            "country,place": [("Germany", "Berlin"), ("France", "Paris"),
                              ("China", "Beijing"), ("Japan", "Tokyo"),
                              ("India", "New Delhi"), ("Poland", "Warsaw"),
                              ("Britain", "London")],
        },
        "tags": ["Barack Obama", "United States"],
        "caption": "The White House in Washington.",
    },
    {
        "titles": [
            "Russia and {country} to resume talks on {issue}",
            "{country}, Russia discuss {issue} as officials meet in {place}",
        ],
        "lead": "Russia and {country} agreed on {day} to resume talks on {issue} "
        "after a meeting of senior officials in {place}, Russia's Foreign "
        "Ministry said.",
        "body": [
            "The two sides will form a working group that is expected to present "
            "proposals before the next meeting of their intergovernmental "
            "commission later this year.",
            "Trade between the two countries grew strongly last year, but "
            "officials said the financial crisis had already started to weigh on "
            "bilateral deals.",
            "A Foreign Ministry spokesman said relations with {country} were "
            'developing "in a constructive spirit" and that contacts at the '
            "highest level would continue.",
        ],
        "words": {
            "country,place": [("Serbia", "Belgrade"), ("Kazakhstan", "Astana"),
                              ("Finland", "Helsinki"), ("Armenia", "Yerevan"),
                              ("Vietnam", "Hanoi"), ("Venezuela", "Caracas")],
            "issue": ["visa-free travel", "nuclear energy cooperation", "farm trade",
                      "energy supplies", "air traffic rights"],
        },
        "tags": ["diplomacy", "Russian Foreign Ministry"],
        "caption": "Flags at the Russian Foreign Ministry in Moscow.",
    },
]
# fmt: on
