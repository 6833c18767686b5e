//! Word tables the place rules read (see places.rs): event and work heads, compass
//! words, direction phrases, list nouns and the slots that name works, not places.
//! Moved out of places.rs unchanged.

/// Last words of event and competition names, never places ("Carling Cup").
pub(crate) const EVENT_HEADS: &[&str] = &[
    "Cup",
    "Championship",
    "Championships",
    "Games",
    "Olympics",
    "Open",
    "Prix",
    "Series",
    "Festival",
    "Awards",
    "Summit",
    "Conference",
    "War",
    "Final",
    "League",
    "Trophy",
    "Day",
    "Week",
    "Act",
    "Bill",
    "Treaty",
    "Agreement",
    "Accord",
];
/// Compass words that make "<word> <place>" or "<place> <word>" a place ("East Los
/// Angeles", "Glasgow Central").
pub(crate) const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Upper", "Lower", "Greater", "Downtown", "Old", "New",
];
/// Compass words that name a region with "the" ("the West", "the Midwest").
pub(crate) const REGION_COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Midwest",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];
/// "<direction> of X": "64 kilometers west of Navidad".
pub(crate) const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "outskirts",
    "centre",
    "center",
    "city",
    "town",
    "village",
    "province",
    "state",
    "suburb",
    "capital",
    "region",
    "county",
    "district",
];
/// "cities such as X, Y and Z".
pub(crate) const PLACE_LIST_NOUNS: &[&str] = &[
    "cities",
    "towns",
    "villages",
    "places",
    "areas",
    "regions",
    "countries",
    "states",
    "provinces",
    "communities",
];

/// Words before "in"/"at" that make the slot a work, field or role, not a place
/// ("starred in …", "a degree in …").
pub(crate) const WORK_SLOTS: &[&str] = &[
    "starred",
    "appeared",
    "role",
    "roles",
    "cast",
    "featured",
    "appearance",
    "appearances",
    "played",
    "degree",
    "degrees",
    "doctorate",
    "phd",
    "major",
    "majored",
    "interest",
    "interested",
    "professor",
    "lecturer",
    "courses",
    "course",
    "research",
    "expert",
    "work",
    "works",
    "published",
    "printed",
    "wrote",
    "written",
];
