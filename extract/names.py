"""Personal names: telling a name word from a title word, splitting names run together, and
mending one-letter typos in common first names.

Why a list of first names: participant blocks are often printed as one line ("DAS Christopher
J. McMullen Sara Mangiaracina (WHA Notetaker)"); a common first name after a complete name is
where the next person starts.  The same list mends typos such as "Willian" -> "William": only a
word that is not itself a known name, differs from exactly one known name by one letter (not the
first), and has the same length, is changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Common first names in the cables' languages (English, Spanish, Portuguese, French, German,
#: Italian, Russian, Arabic, Hebrew, Asian given names seen in English transliteration).
FIRST_NAMES = frozenset(
    ["Aaron", "Abdul", "Abdullah", "Adam", "Adrian", "Adriana", "Ahmad", "Ahmed", "Alan", "Albert", "Alberto", "Alejandro", "Alex", "Alexander", "Alexandra", "Alfonso", "Alfredo", "Ali", "Alice", "Alicia", "Alison", "Allen", "Alvaro", "Amanda", "Amy", "Ana", "Andre", "Andrea", "Andreas", "Andres", "Andrew", "Angel", "Angela", "Ann", "Anna", "Anne", "Anthony", "Antonio", "Arturo", "Barbara", "Benjamin", "Bernard", "Bill", "Brian", "Bruce", "Carl", "Carla", "Carlos", "Carmen", "Carol", "Caroline", "Catherine", "Cesar", "Charles", "Christian", "Christina", "Christine", "Christopher", "Claudia", "Craig", "Cristian", "Cristina", "Dan", "Daniel", "Daniela", "David", "Dennis", "Diana", "Diego", "Donald", "Douglas", "Eduardo", "Edward", "Elena", "Elizabeth", "Emily", "Emma", "Enrique", "Eric", "Erin", "Ernesto", "Eugene", "Evan", "Felipe", "Fernando", "Francis", "Francisco", "Frank", "Gabriel", "Gary", "George", "Gerald", "Gerardo", "Gloria", "Gregory", "Guillermo", "Gustavo", "Hans", "Harry", "Helen", "Henry", "Hugo", "Ian", "Ignacio", "Isabel", "Jack", "James", "Jan", "Jane", "Janet", "Janice", "Jason", "Javier", "Jean", "Jeffrey", "Jennifer", "Jessica", "Joan", "Joaquin", "John", "Jonathan", "Jorge", "Jose", "Joseph", "Juan", "Julia", "Julian", "Julie", "Julio", "Karen", "Karl", "Katherine", "Kathleen", "Keith", "Kenneth", "Kevin", "Kim", "Kurt", "Larry", "Laura", "Laurent", "Leonardo", "Leslie", "Linda", "Lisa", "Louis", "Luis", "Luisa", "Manuel", "Marc", "Marcel", "Marcela", "Marco", "Marcos", "Margaret", "Maria", "Mario", "Mark", "Martha", "Martin", "Mary", "Matthew", "Maurice", "Michael", "Michel", "Miguel", "Mike", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Nancy", "Nicholas", "Nicolas", "Oscar", "Pablo", "Patricia", "Patrick", "Paul", "Paula", "Paulo", "Pedro", "Peter", "Philip", "Phillip", "Pierre", "Rafael", "Ramon", "Raul", "Ricardo", "Richard", "Robert", "Roberto", "Rodrigo", "Roger", "Ronald", "Rosa", "Ruth", "Ryan", "Samuel", "Sandra", "Sara", "Sarah", "Scott", "Sergei", "Sergey", "Sergio", "Stephen", "Steven", "Susan", "Thomas", "Timothy", "Tom", "Victor", "Vladimir", "Walter", "William", "Yuri"]
)

_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "van", "von", "der", "den", "y", "e", "al", "el", "bin", "ibn", "abu", "ben", "st.", "mac"})


def is_first_name(word: str) -> bool:
    return word.strip(".,").title() in FIRST_NAMES


@lru_cache(maxsize=4096)
def mend_first_name(word: str) -> str:
    """'Willian' -> 'William'; any other word comes back unchanged."""
    w = word.title() if word.isupper() else word
    if len(w) < 4 or not w.isalpha() or w in FIRST_NAMES:
        return word
    candidates = [
        n for n in FIRST_NAMES
        if len(n) == len(w) and n[0] == w[0] and sum(a != b for a, b in zip(n, w)) == 1
    ]
    if len(candidates) != 1:
        return word
    fixed = candidates[0]
    return fixed.upper() if word.isupper() else fixed


def mend_name(name: str) -> str:
    """A full name with its first word's typo mended and capitals normalised when the cable
    wrote it in all capitals ('JOHN SMITH' -> 'John Smith')."""
    words = name.split()
    if not words:
        return name
    if name.isupper() and len(name) > 3:
        words = [w if (len(w) <= 2 and w.endswith(".")) else _title(w) for w in words]
    if len(words) >= 2:
        words[0] = mend_first_name(words[0])  # only a first name before a surname is mended
    return " ".join(words)


def _title(word: str) -> str:
    if word.lower() in _PARTICLES:
        return word.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


_INITIAL = re.compile(r"^[A-Z]\.$")


def is_initial(word: str) -> bool:
    return bool(_INITIAL.match(word))


def is_particle(word: str) -> bool:
    """Name particles as written inside names ('de', 'da', 'van', 'al-'); an all-capitals word
    of three letters or more is an acronym ('DAS'), not a particle."""
    if word.isupper() and len(word) > 2:
        return False
    return word.lower() in _PARTICLES


def split_names(words: list[str]) -> list[list[int]]:
    """Indexes of ``words`` grouped into names: a run of capitalised words is cut where a
    common first name follows a complete name (two words or more), or after the surname that
    follows a middle initial ("Christopher J. McMullen | Sara Mangiaracina")."""
    groups: list[list[int]] = []
    current: list[int] = []
    saw_initial = False
    for i, w in enumerate(words):
        if current:
            n = len(current)
            complete = n >= 2 and not is_particle(words[current[-1]])
            after_initial_surname = saw_initial and not is_initial(words[current[-1]]) and not is_particle(words[current[-1]])
            more = i + 1 < len(words) and not is_initial(words[i + 1]) or (i + 2 < len(words))
            surname_only = n == 1 and not is_first_name(words[current[0]]) and not is_initial(words[current[0]]) and more
            starts_new = ((complete or surname_only) and is_first_name(w) and not is_initial(w)) or (after_initial_surname and not is_particle(w) and not is_initial(w))
            if starts_new and i + 1 < len(words) + 1:
                groups.append(current)
                current, saw_initial = [], False
        current.append(i)
        if is_initial(w) and len(current) > 1:
            saw_initial = True
    if current:
        groups.append(current)
    return groups
