/**
 * Made-up people for the sample school. The lists are deliberately varied — apostrophes, hyphens
 * and non-ASCII letters (Zoë, Siân, Łukasz) — because real registers have them and every export,
 * letter and e-mail must carry them intact.
 */
export const FORENAMES = [
  'Oliver', 'Amelia', 'Noah', 'Olivia', 'George', 'Isla', 'Leo', 'Ava', 'Arthur', 'Mia',
  'Muhammad', 'Ivy', 'Harry', 'Lily', 'Oscar', 'Freya', 'Archie', 'Florence', 'Henry', 'Grace',
  'Jack', 'Sophia', 'Theo', 'Emily', 'Charlie', 'Evie', 'Freddie', 'Poppy', 'Alfie', 'Ella',
  'Jacob', 'Isabella', 'Thomas', 'Sienna', 'Joshua', 'Ruby', 'Ethan', 'Daisy', 'Mason', 'Phoebe',
  'Aarav', 'Priya', 'Yusuf', 'Aisha', 'Kwame', 'Chiamaka', 'Oluwaseun', 'Amara', 'Tomasz', 'Zofia',
  'Łukasz', 'Zoë', 'Siân', 'Rhys', 'Ffion', 'Niamh', 'Seán', 'Aoife', 'Callum', 'Eilidh',
  'Mohammed', 'Fatima', 'Ibrahim', 'Maryam', 'Hamza', 'Zainab', 'Ali', 'Hana', 'Kai', 'Mei',
  'Dylan', 'Chloé', 'Reuben', 'Esmé', 'Kacper', 'Julia', 'Jayden', 'Keira', 'Tyler', 'Jade',
  'Samuel', 'Hannah', 'Daniel', 'Ellie', 'Luca', 'Matilda', 'Harrison', 'Maisie', 'Finley', 'Layla',
];

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke',
  'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes',
  "O'Brien", "O'Connor", "D'Souza", 'Smith-Jones', 'Hughes-Parry', 'Ahmed-Khan', 'McDonald', 'MacLeod',
  'Khan', 'Hussain', 'Begum', 'Ali', 'Rahman', 'Akhtar', 'Singh', 'Kaur', 'Sharma', 'Chowdhury',
  'Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Nowak', 'Kowalski', 'Wiśniewski', 'Lewandowska', 'Nguyen', 'Chen',
  'Wong', 'Murphy', 'Kelly', 'Byrne', 'Price', 'Lloyd', 'Morgan', 'Fraser', 'Campbell', 'Stewart',
  'Bennett', 'Carter', 'Shaw', 'Mills', 'Fox', 'Lees', 'Holmes', 'Barker', 'Knight', 'Lamb',
  'Brontë', 'Ferreira', 'Silva', 'Popescu', 'Yılmaz', 'Papadopoulos', 'Van der Berg', 'de Souza',
];

/** Parents/carers by the title they use, so "Mr" never goes with "Sarah". */
export const PARENTS: Array<{ titles: string[]; forenames: string[] }> = [
  {
    titles: ['Mrs', 'Ms', 'Miss', 'Dr'],
    forenames: ['Sarah', 'Claire', 'Emma', 'Rachel', 'Laura', 'Nicola', 'Joanne', 'Gemma', 'Amy', 'Kirsty',
      'Nasreen', 'Shazia', 'Ngozi', 'Agnieszka', 'Sinéad', 'Gráinne', 'Deepa'],
  },
  {
    titles: ['Mr', 'Mr', 'Dr'],
    forenames: ['David', 'Paul', 'Mark', 'Andrew', 'James', 'Richard', 'Stephen', 'Lee', 'Craig', 'Darren',
      'Adebayo', 'Piotr', 'Anil'],
  },
  { titles: ['Mx'], forenames: ['Alex', 'Sam', 'Jordan'] },
];

export const STREETS = [
  'Church Lane', 'Station Road', 'Victoria Street', 'Mill Lane', 'The Green', 'Park Avenue',
  'Queen\'s Road', 'Orchard Close', 'Meadow Way', 'High Street', 'Beech Grove', 'St Mary\'s Court',
  'Willow Crescent', 'Foxglove Drive', 'Hawthorn Road', 'King Edward Street', 'Albert Terrace', 'Moor Lane',
];

/** Made-up towns and postcode districts (HS is not a real English postcode area for these towns). */
export const TOWNS: Array<{ town: string; postcode: string }> = [
  { town: 'Hillside', postcode: 'HS1' },
  { town: 'Hillside', postcode: 'HS2' },
  { town: 'Lower Brook', postcode: 'HS3' },
  { town: 'Ashby Green', postcode: 'HS4' },
  { town: 'Northfield', postcode: 'HS5' },
];

export const PARENT_DOMAINS = ['example.org', 'example.net'];
