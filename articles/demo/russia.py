"""Russia stories: the crisis at home, the Duma, the regions, winter."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "Government approves {n} billion-ruble support plan for {sector}",
            "Russia to spend {n} billion rubles propping up {sector}",
        ],
        "lead": "The Russian government will set aside {n} billion rubles this year "
        "to support {sector} hit by the global financial crisis, the Economic "
        "Development Ministry said on {day}.",
        "body": [
            "The money will be channeled through state banks and the development "
            "bank Vnesheconombank as loans and loan guarantees, the ministry said "
            "in a statement.",
            "Officials said the plan was designed to keep {sector} afloat until "
            "demand recovers, and that companies receiving aid would be expected "
            "to preserve jobs.",
            "A list of companies eligible for support will be published by the "
            "end of the first quarter, the ministry said.",
            "Analysts said the measures would help, but warned that the slump in "
            "domestic demand could last well into the second half of the year.",
        ],
        "words": {
            "place": ["Moscow"],
            "sector": ["carmakers", "regional banks", "farmers", "homebuilders",
                       "airlines", "small businesses", "railway car makers"],
        },
        "numbers": {"n": (20, 180)},
        "tags": ["financial crisis", "Russian economy"],
        "caption": "The government has promised more help for {sector}.",
    },
    {
        "titles": [
            "Frosts of minus {n} disrupt heating in {place}",
            "{place} schools close as temperatures drop to minus {n}",
        ],
        "lead": "Temperatures in {place} fell to minus {n} degrees Celsius "
        "overnight, leaving several residential districts without heating and "
        "forcing schools to cancel classes, local emergency officials said on "
        "{day}.",
        "body": [
            "Repair crews worked through the night to fix burst pipes at a "
            "district boiler station, the regional branch of the Emergencies "
            "Ministry said.",
            "Officials said no one had been hurt, but urged residents to avoid "
            "unnecessary journeys and to keep children indoors until the cold "
            "spell passes.",
            "Forecasters expect the frosts to ease slightly by the weekend, but "
            "said temperatures would remain well below the seasonal average.",
            "Local authorities opened heated shelters for the homeless and "
            "stepped up checks on elderly residents living alone.",
        ],
        "words": {
            "place": ["Yakutsk", "Norilsk", "Omsk", "Tomsk", "Krasnoyarsk", "Chita",
                      "Irkutsk", "Barnaul"],
        },
        "numbers": {"n": (38, 52)},
        "tags": ["weather", "Siberia"],
        "caption": "Winter in {place}.",
    },
    {
        "titles": [
            "State Duma backs bill on {bill} in first reading",
            "Russian lawmakers approve bill on {bill}",
        ],
        "lead": "Russia's lower house of parliament, the State Duma, approved a "
        "bill on {bill} in the first reading on {day}, with {n} deputies voting "
        "in favor.",
        "body": [
            "The bill now goes back to committee for amendments before the "
            "second reading, which could take place as early as next month.",
            "The Communist Party faction voted against, saying the measure had "
            "been drafted in haste and without proper consultation.",
            "The government's representative in the Duma said the cabinet "
            "supported the bill in principle but would propose changes to some "
            "of its provisions.",
            "Once passed by the Duma, the bill must be approved by the Federation "
            "Council, the upper house, and signed by the president before it "
            "becomes law.",
        ],
        "words": {
            "place": ["Moscow"],
            "bill": ["jury trials in terrorism cases", "drunk driving penalties",
                     "support for mortgage borrowers", "alcohol advertising",
                     "quotas for foreign workers", "unemployment benefits"],
        },
        "numbers": {"n": (310, 390)},
        "tags": ["State Duma", "legislation"],
        "caption": "The State Duma building on Okhotny Ryad in Moscow.",
    },
    {
        "titles": [
            "Registered unemployment in {region} up {n}% since December",
            "{region} factories cut shifts as unemployment rises",
        ],
        "lead": "The number of registered jobless in {region} has risen {n}% since "
        "the start of December as factories cut shifts and put workers on unpaid "
        "leave, the regional labor department said on {day}.",
        "body": [
            "About {m},000 people have registered at employment centers in the "
            "region, officials said, adding that the real number of jobless was "
            "likely to be higher.",
            "The region's governor said {k_words} large enterprises had switched to a "
            "shorter working week and that the local budget would fund public "
            "works to provide temporary jobs.",
            "Economists expect unemployment to keep rising through the spring as "
            "the downturn spreads from heavy industry to construction and retail.",
            "The Health and Social Development Ministry has allocated additional "
            "funds to the regions for retraining programs and benefits.",
        ],
        "words": {
            "region,place": [("Sverdlovsk Region", "Yekaterinburg"),
                             ("Chelyabinsk Region", "Chelyabinsk"),
                             ("Samara Region", "Samara"),
                             ("Nizhny Novgorod Region", "Nizhny Novgorod"),
                             ("Vologda Region", "Vologda"), ("Perm Territory", "Perm")],
        },
        "numbers": {"n": (12, 45), "m": (4, 30), "k": (3, 9)},
        "tags": ["unemployment", "financial crisis", "Russian economy"],
        "caption": "A job center in {place}.",
    },
    {
        "titles": [
            "{place} delays {project} as budget shrinks",
            "Crisis forces {place} to rethink plans for {project}",
        ],
        "lead": "Authorities in {place} have postponed work on the {project} by at "
        "least a year as the economic downturn squeezes city finances, a city "
        "official said on {day}.",
        "body": [
            "The city budget for 2009 has been cut by {n}% compared with the "
            "original draft, and officials say social spending will be protected "
            "first.",
            "Construction companies working on the project said they had already "
            "cut staff and asked the city to settle bills for work completed last "
            "year.",
            "The official said the project had not been cancelled and that work "
            "would resume as soon as financing became available.",
            "Critics in the city legislature said the delay would worsen traffic "
            "congestion, already among the worst of any large Russian city.",
        ],
        "words": {
            "place": ["Moscow", "St. Petersburg", "Kazan", "Novosibirsk"],
            "project": ["new metro line", "outer ring road", "airport terminal",
                        "high-speed rail link", "new bridge"],
        },
        "numbers": {"n": (8, 25)},
        "tags": ["infrastructure", "financial crisis"],
        "caption": "Construction in {place}.",
    },
]
# fmt: on
