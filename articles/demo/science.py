"""Science stories: space, GLONASS, Antarctica, fossils, the flu."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "Progress cargo ship arrives at Baikonur for launch preparations",
            "Roscosmos readies ISS cargo ship carrying {n:,} kilograms of supplies",
        ],
        "lead": "A Progress cargo ship that will deliver fuel, food and equipment "
        "to the International Space Station has arrived at the Baikonur space "
        "center in Kazakhstan for launch preparations, the Federal Space Agency "
        "said on {day}.",
        "body": [
            "The ship will carry about {n:,} kilograms of cargo, including fuel for "
            "the station's engines, water, oxygen and scientific equipment.",
            "The station's current crew, which includes a Russian cosmonaut, has "
            "been on board since October and is due to return to Earth in the "
            "spring.",
            "Russia plans to double the number of manned launches to the station "
            "this year as the permanent crew grows from three to six people.",
        ],
        "words": {"place": ["Baikonur", "Moscow"]},
        "numbers": {"n": (2300, 2600)},
        "tags": ["space", "ISS", "Roscosmos"],
        "caption": "A Soyuz rocket on the launch pad at Baikonur.",
    },
    {
        "titles": [
            "Russia to launch {n} more GLONASS satellites this year",
            "GLONASS to add {n} satellites on way to global coverage",
        ],
        "lead": "Russia plans to put {n_words} more GLONASS navigation satellites into "
        "orbit this year to bring the system closer to full global coverage, a "
        "space industry official said on {day}.",
        "body": [
            "The system, Russia's answer to the U.S. Global Positioning System, "
            "has about 20 satellites in orbit, not all of them operational.",
            "Full global coverage requires 24 working satellites, and the "
            "government has kept funding the program despite the crisis.",
            "Officials want GLONASS receivers fitted in new Russian cars and "
            "public transport, and manufacturers are working on combined GPS and "
            "GLONASS devices.",
        ],
        "words": {"place": ["Moscow", "Krasnoyarsk"]},
        "numbers": {"n": (3, 6)},
        "tags": ["GLONASS", "space", "Roscosmos"],
        "caption": "A navigation satellite being assembled.",
    },
    {
        "titles": [
            "Russian drillers edge closer to Antarctica's Lake Vostok",
            "Vostok station resumes drilling toward buried lake",
        ],
        "lead": "Russian scientists at the Vostok station in Antarctica have "
        "resumed drilling toward a vast lake buried under nearly four kilometers "
        "of ice, the Arctic and Antarctic Research Institute said on {day}.",
        "body": [
            "Lake Vostok has been sealed off from the atmosphere for millions of "
            "years, and scientists hope it may contain unique forms of life.",
            "Drillers must take care not to contaminate the lake's water, and the "
            "institute said it would use a special technique to keep drilling "
            "fluid out of the lake.",
            "The drilling season lasts only a few weeks in the southern summer, "
            "when temperatures at the station rise to about minus 30 degrees "
            "Celsius.",
        ],
        "words": {"place": ["St. Petersburg"]},
        "tags": ["Antarctica", "research"],
        "caption": "The Vostok research station in Antarctica.",
    },
    {
        "titles": [
            "Scientists in {place} study {find} found in permafrost",
            "Well-preserved {find} remains found in Siberia",
        ],
        "lead": "Paleontologists in {place} have begun studying the remains of a "
        "{find} found in the permafrost by local hunters, the regional academy of "
        "sciences said on {day}.",
        "body": [
            "The remains are estimated to be about {n},000 years old and are "
            "unusually well preserved, with fragments of skin and fur, the "
            "scientists said.",
            "Researchers plan to extract DNA samples and send them to "
            "laboratories abroad for analysis.",
            "Thawing permafrost and demand for ancient ivory have led to a "
            "growing number of finds in Siberia in recent years.",
        ],
        "words": {
            "place": ["Yakutsk", "Salekhard", "Khanty-Mansiysk"],
            "find": ["mammoth", "woolly rhinoceros", "cave bear", "steppe bison"],
        },
        "numbers": {"n": (10, 40)},
        "tags": ["paleontology", "Siberia", "research"],
        "caption": "Permafrost on the banks of a Siberian river.",
    },
    {
        "titles": [
            "Flu cases rise in {place} as schools extend holidays",
            "{place} health officials urge flu shots as cases climb {n}%",
        ],
        "lead": "The number of flu and respiratory infection cases in {place} has "
        "risen {n}% in a week, prompting health officials to close some schools "
        "and urge residents to get vaccinated, the city's sanitary service said "
        "on {day}.",
        "body": [
            "Doctors said most cases were mild, but warned that the peak of the "
            "season was still several weeks away.",
            "Pharmacies reported strong demand for antiviral drugs and face "
            "masks, and some hospitals restricted visits to patients.",
            "Health officials said about {m}% of the city's population had been "
            "vaccinated this season.",
        ],
        "words": {
            "place": ["Moscow", "St. Petersburg", "Yekaterinburg", "Novosibirsk",
                      "Perm", "Samara"],
        },
        "numbers": {"n": (15, 60), "m": (15, 25)},
        "tags": ["health", "flu"],
        "caption": "A clinic waiting room in {place}.",
    },
]
# fmt: on
