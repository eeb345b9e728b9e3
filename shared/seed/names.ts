// Name and place lists the generator draws from. Fictional, varied, and stable in order:
// reordering them changes every seeded customer.

export const FIRST_NAMES = [
  'Amelia', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lena',
  'Mateo', 'Nadia', 'Oscar', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena',
  'Yusuf', 'Zoe', 'Aoife', 'Bjorn', 'Camille', 'Dmitri', 'Eva', 'Finn', 'Giulia', 'Hana', 'Ivan', 'Julia',
] as const;

export const LAST_NAMES = [
  'Andersen', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ivanova', 'Jensen',
  'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka',
  'Urban', 'Visser', 'Walsh', 'Xu', 'Yilmaz', 'Zimmermann', 'Murphy', 'Novak', 'Silva', 'Khan',
] as const;

export const CITIES = [
  'Seattle', 'Redmond', 'Bellevue', 'Tacoma', 'Spokane', 'Portland', 'Boise', 'Olympia', 'Everett', 'Kirkland',
] as const;

export const STREETS = [
  'Maple Street', 'Oak Avenue', 'Pine Road', 'Cedar Lane', 'Lakeview Drive', 'Harbor Way', 'Elm Court',
  'Summit Boulevard', 'River Road', 'Birch Place',
] as const;
