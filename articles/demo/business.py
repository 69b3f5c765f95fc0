"""Business stories: the ruble, stocks, industry, gas, oil, IMF loans."""

# Kept as written: one template per dict, short word lists on few lines.
# fmt: off
STORIES = [
    {
        "titles": [
            "Ruble weakens {k} kopecks against dollar-euro basket",
            "Central Bank widens ruble corridor as currency slides",
        ],
        "lead": "The ruble fell {k} kopecks against the dollar-euro basket on "
        "{day} as the Central Bank continued to widen the trading corridor in a "
        "gradual devaluation, dealers said.",
        "body": [
            "The basket, which the Central Bank uses to manage the exchange rate, "
            "traded at {rate} rubles by late afternoon in Moscow.",
            "The regulator has spent a large part of its reserves since August to "
            "smooth the ruble's decline, and officials have said they want to "
            "avoid a sharp one-off devaluation.",
            "Demand for foreign currency remained strong among both companies and "
            "households, with many Russians converting savings into dollars and "
            "euros.",
            "Analysts said the pace of the devaluation would depend largely on the "
            "price of oil, Russia's main export.",
        ],
        "words": {"place": ["Moscow"]},
        "numbers": {"k": (10, 60), "rate": (33.0, 36.4)},
        "tags": ["ruble", "Central Bank", "financial crisis"],
        "caption": "A currency exchange office in Moscow.",
    },
    {
        "titles": [
            "Russian shares {rise} {n}% on {cause}",
            "{index} index {rises} {n}% as investors watch oil",
        ],
        "lead": "Russian shares {move} on {day}, with the {index} index closing "
        "{n}% {updown} as investors reacted to {cause}.",
        "body": [
            "Trading volumes remained thin, and shares in oil and metals "
            "companies were the most actively traded, dealers said.",
            "Russian stocks lost more than two thirds of their value last year, "
            "when trading was repeatedly suspended after sharp falls.",
            "Foreign investors have pulled billions of dollars out of Russian "
            "markets since the summer, and analysts expect volatility to remain "
            "high.",
        ],
        "words": {
            "place": ["Moscow"],
            "index": ["MICEX", "RTS"],
            "rise,rises,move,updown,cause": [
                ("rise", "rises", "rose", "higher", "a rebound in oil prices"),
                ("fall", "falls", "fell", "lower", "falling oil prices"),
                ("fall", "falls", "fell", "lower", "weak U.S. economic data"),
                ("rise", "rises", "rose", "higher", "hopes of U.S. stimulus"),
            ],
        },
        "numbers": {"n": (1.2, 7.9)},
        "tags": ["stock markets", "Russian economy"],
        "caption": "A trading screen in Moscow.",
    },
    {
        "titles": [
            "Russian {industry} cut output by {n}% as demand slumps",
            "Falling demand forces Russian {industry} to idle plants",
        ],
        "lead": "Russian {industry} cut production by {n}% in December from a "
        "year earlier as orders from builders and exporters dried up, an "
        "industry association said on {day}.",
        "body": [
            "Several producers have halted lines, moved workers to a shorter week "
            "or sent them on unpaid leave until demand recovers.",
            "Companies are also struggling to refinance foreign loans taken out "
            "during the boom years, and some have asked the state development "
            "bank Vnesheconombank for help.",
            "Industry executives said they did not expect a recovery before the "
            "second half of the year and did not rule out further job cuts.",
        ],
        "words": {
            "place": ["Moscow", "Yekaterinburg", "Chelyabinsk", "Tolyatti"],
            "industry": ["steelmakers", "carmakers", "cement producers",
                         "fertilizer producers", "truck makers"],
        },
        "numbers": {"n": (15, 55)},
        "tags": ["industry", "financial crisis", "Russian economy"],
        "caption": "A factory floor in {place}.",
    },
    {
        "titles": [
            "{country} seeks new gas routes after Russia-Ukraine dispute",
            "{country} to expand gas storage after supply cut",
        ],
        "lead": "{country} will speed up plans to build gas storage and link its "
        "pipelines to neighboring countries after the Russia-Ukraine gas dispute "
        "left homes and factories without supplies, the economy minister said on "
        "{day}.",
        "body": [
            "Gazprom halted deliveries to Europe through Ukraine in early January, "
            "accusing Kiev of siphoning off gas meant for European customers. "
            "Ukraine denied the charge.",
            "The European Union has called on Moscow and Kiev to honor their "
            "contracts and has sent monitors to measure gas flows through Ukraine.",
            "Factories in {country} were forced to halt production, and schools "
            "and hospitals switched to backup heating.",
            "Russia says the dispute shows the need for pipelines bypassing "
            "transit countries, such as Nord Stream under the Baltic Sea and "
            "South Stream to southern Europe.",
        ],
        "words": {
            "country,place": [("Bulgaria", "Sofia"), ("Slovakia", "Bratislava"),
                              ("Serbia", "Belgrade"), ("Moldova", "Chisinau"),
                              ("Hungary", "Budapest")],
        },
        "tags": ["Gazprom", "gas dispute", "Ukraine", "European Union"],
        "caption": "A gas pipeline valve station.",
    },
    {
        "titles": [
            "Oil falls toward ${price} as demand outlook darkens",
            "Oil trades near ${price} as OPEC weighs further cuts",
        ],
        "lead": "Oil prices fell toward ${price} a barrel on {day} as fresh signs "
        "of a deepening global recession outweighed OPEC's efforts to cut "
        "supply, traders said.",
        "body": [
            "Prices have fallen by more than two thirds since hitting a record of "
            "over $147 in July, sharply reducing the revenues of oil exporters, "
            "including Russia.",
            "OPEC agreed in December to cut output by 2.2 million barrels per day, "
            "and several members have said the cartel could cut again at its next "
            "meeting in March.",
            "The Russian Finance Ministry expects a budget deficit this year for "
            "the first time in a decade because of lower oil revenues.",
        ],
        "words": {"place": ["London", "New York", "Moscow"]},
        "numbers": {"price": (36, 48)},
        "tags": ["oil prices", "OPEC"],
        "caption": "An oil field in Western Siberia.",
    },
    {
        "titles": [
            "IMF mission arrives in {place} to review {country}'s loan",
            "{country} talks spending cuts with IMF mission",
        ],
        "lead": "A mission from the International Monetary Fund arrived in "
        "{place} on {day} to review {country}'s progress under its stand-by loan "
        "program, the central bank said.",
        "body": [
            "The IMF has made further disbursements conditional on tighter budget "
            "policy, and officials have been discussing spending cuts and higher "
            "taxes.",
            "The national currency has come under heavy pressure since the autumn "
            "as exports slumped and foreign investors pulled out money.",
            "The mission is expected to stay for about two weeks and meet "
            "ministers, central bank officials and commercial bankers.",
        ],
        "words": {
            "country,place": [("Belarus", "Minsk"), ("Ukraine", "Kiev"),
                              ("Latvia", "Riga"), ("Hungary", "Budapest")],
        },
        "tags": ["IMF", "financial crisis"],
        "caption": "The central bank in {place}.",
    },
]
# fmt: on
