"""Military stories: piracy patrols, missiles, bombers, army reform."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "Russian warship escorts {n} merchant ships through Gulf of Aden",
            "Russian Navy helps {vessel} fend off pirate attack",
        ],
        "lead": "A Russian warship on anti-piracy duty off the Horn of Africa has "
        "escorted a convoy of {n_words} merchant ships through the Gulf of Aden and "
        "helped a {vessel} fend off pirates, the Navy said on {day}.",
        "body": [
            "A helicopter from the warship was scrambled after the {vessel} "
            "reported being chased by two speedboats, and the pirates turned back "
            "when it appeared overhead, a Navy spokesman said.",
            "Russia began anti-piracy patrols off Somalia last autumn, and the "
            "Navy has said it intends to keep a permanent presence in the area.",
            "More than 100 ships were attacked off the Somali coast last year, "
            "according to the International Maritime Bureau.",
            "The UN Security Council has authorized foreign warships to pursue "
            "pirates into Somali territorial waters.",
        ],
        "words": {
            "place": ["Moscow", "Vladivostok", "Kaliningrad"],
            "vessel": ["Greek-owned tanker", "Dutch cargo ship",
                       "Russian bulk carrier", "Maltese-flagged tanker",
                       "Panamanian-flagged freighter"],
        },
        "numbers": {"n": (4, 12)},
        "tags": ["piracy", "Russian Navy", "Somalia"],
        "caption": "A Russian warship at sea.",
    },
    {
        "titles": [
            "Strategic Missile Forces plan {n} test launches this year",
            "Russia to extend service life of {missile} missiles",
        ],
        "lead": "Russia's Strategic Missile Forces plan to carry out {n_words} "
        "launches of intercontinental ballistic missiles this year to test their "
        "reliability and extend their service life, a spokesman for the forces "
        "said on {day}.",
        "body": [
            "The launches will include {missile} missiles that have been on combat "
            "duty for more than 20 years, the spokesman said.",
            "Russia plans to keep its older missiles in service while it deploys "
            "new Topol-M systems, both in silos and on mobile launchers.",
            "Moscow and Washington are due to begin talks on a new strategic arms "
            "treaty to replace START I, which expires in December.",
        ],
        "words": {
            "place": ["Moscow"],
            "missile": ["Topol", "RS-18", "RS-20 Voyevoda"],
        },
        "numbers": {"n": (4, 13)},
        "tags": ["nuclear arms", "Strategic Missile Forces", "START"],
        "caption": "A mobile missile launcher on parade.",
    },
    {
        "titles": [
            "Russian {aircraft} bombers fly patrol over {area}",
            "Two Russian {aircraft} bombers complete {n}-hour patrol flight",
        ],
        "lead": "Two Russian {aircraft} strategic bombers have completed a "
        "{n}-hour patrol flight over {area}, an Air Force spokesman said on "
        "{day}.",
        "body": [
            "The aircraft were refueled in mid-air and were escorted for part of "
            "the flight by foreign fighter jets, the spokesman said.",
            "All flights are conducted in strict compliance with international "
            "rules on the use of airspace over neutral waters, he said.",
            "Russia resumed regular long-range patrols in August 2007 after a "
            "break of 15 years.",
        ],
        "words": {
            "place": ["Moscow", "Engels"],
            "aircraft": ["Tu-160", "Tu-95MS"],
            "area": ["the Arctic Ocean", "the North Atlantic", "the Pacific Ocean",
                     "the Norwegian Sea"],
        },
        "numbers": {"n": (10, 17)},
        "tags": ["Russian Air Force", "strategic bombers"],
        "caption": "A strategic bomber over {area}.",
    },
    {
        "titles": [
            "Army to form new brigades in {district} as reform begins",
            "{district} to switch to brigade structure by end of year",
        ],
        "lead": "Divisions in the {district} will be reorganized into {n_words} "
        "permanent-readiness brigades by the end of the year as part of the "
        "military reform announced last autumn, the district's command said on "
        "{day}.",
        "body": [
            "The reform, the most ambitious since the collapse of the Soviet "
            "Union, will cut the number of officers and replace the old divisions "
            "and regiments with smaller, fully manned brigades.",
            "Officers leaving the service will receive housing and retraining, "
            "the Defense Ministry has promised, though veterans' groups doubt the "
            "pledges will be funded.",
            "The ministry says the aim is an army able to respond quickly to local "
            "conflicts such as last August's war with Georgia.",
        ],
        "words": {
            "district,place": [("Moscow Military District", "Moscow"),
                               ("Leningrad Military District", "St. Petersburg"),
                               ("North Caucasus Military District", "Rostov-on-Don"),
                               ("Volga-Urals Military District", "Yekaterinburg"),
                               ("Siberian Military District", "Chita"),
                               ("Far Eastern Military District", "Khabarovsk")],
        },
        "numbers": {"n": (3, 8)},
        "tags": ["military reform", "Russian Army"],
        "caption": "Soldiers of the {district} on exercise.",
    },
    {
        "titles": [
            "Moscow repeats opposition to U.S. missile shield in Europe",
            "Russia links Iskander deployment to U.S. shield plans",
        ],
        "lead": "Russia will deploy Iskander short-range missiles in its "
        "Kaliningrad exclave only if the United States goes ahead with missile "
        "defense sites in Poland and the Czech Republic, a senior General Staff "
        "officer said on {day}.",
        "body": [
            "Washington says the interceptors in Poland and a radar in the Czech "
            "Republic are needed to counter a possible missile threat from Iran. "
            "Moscow says the system would undermine its nuclear deterrent.",
            "Russian officials have said they hope the new U.S. administration "
            "will review the plans, and have offered joint use of a Russian-"
            "leased radar station in Azerbaijan.",
            "The Czech parliament has yet to ratify the radar agreement, and "
            "polls show most Czechs oppose the deployment.",
        ],
        "words": {"place": ["Moscow", "Kaliningrad"]},
        "tags": ["missile defense", "United States", "NATO"],
        "caption": "An Iskander launcher.",
    },
]
# fmt: on
